// The owner's setup, step by step in order, each with its state read live from the server every time the page is
// shown: the owner can stop at any step and come back to it (or from 我的 → 开通进度).
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import * as customers from '@xiaoer/common/api/customers';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { hasBlank } from '@xiaoer/common/schemas/knowledge-template';
import * as merchants from '@xiaoer/common/api/merchants';
import * as golive from '@xiaoer/common/api/setup-golive';
import * as staff from '@xiaoer/common/api/staff';
import * as wecom from '@xiaoer/common/api/wecom';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import {
  SETUP_STEPS,
  doneCount,
  nextStep,
  setupSteps,
  type SetupSources,
  type StepState,
  type StepStatus,
} from '../../services/setup-steps';
import '../../components/form.scss';
import './setup.scss';

const STATE_TEXT: Record<StepState, string> = {
  done: '已完成',
  todo: '待完成',
  attention: '需处理',
  checking: '检查中',
  unknown: '查不到',
  later: '最后一步',
};

/**
 * How much the shop's knowledge holds (the step is done once the menu and some answers exist), and how many FAQ and
 * policies still have a blank of the industry template the owner has not filled.
 */
async function knowledgeCounts() {
  const [products, faqs, policies] = await Promise.all([
    call(knowledge.products.list),
    call(knowledge.faqs.list),
    call(knowledge.policies.list),
  ]);
  const waiting =
    faqs.items.filter((f) => hasBlank(f.answer, ...f.questions)).length +
    policies.items.filter((p) => hasBlank(p.title, p.content)).length;
  return { products: products.items.length, faqs: faqs.items.length, policies: policies.items.length, waiting };
}

export default function SetupChecklist() {
  const [sources, setSources] = useState<SetupSources>({
    merchant: undefined,
    wecom: undefined,
    staff: undefined,
    knowledge: undefined,
    customers: undefined,
    golive: undefined,
  });
  // each source on its own: a slow WeCom check or a failing list holds up no other step
  const load = () => {
    const into =
      <K extends keyof SetupSources>(key: K) =>
      (value: SetupSources[K] | Error) =>
        setSources((s) => ({ ...s, [key]: value }));
    const each = <K extends keyof SetupSources>(key: K, work: Promise<SetupSources[K]>) =>
      void work.then(into(key), (err: Error) => into(key)(err));
    each('merchant', call(merchants.merchant));
    each(
      'wecom',
      call(wecom.configCheck).then((r) => r.checks),
    );
    each(
      'staff',
      call(staff.list).then((r) => r.items),
    );
    each('knowledge', knowledgeCounts());
    each(
      'customers',
      call(customers.list, { query: { limit: 1 } }).then((p) => p.items.length > 0),
    );
    each(
      'golive',
      call(golive.goLive).then((g) => ({ live: g.status === 'live' })),
    );
  };
  useDidShow(load);

  const steps = setupSteps(sources);
  const next = nextStep(steps);
  const done = doneCount(steps);
  const merchant = sources.merchant instanceof Error ? undefined : sources.merchant;
  const open = (step: StepStatus) => step.url && void Taro.navigateTo({ url: step.url });
  const syncCustomers = async () => {
    try {
      toast((await call(wecom.contactSync)).message, 'success');
    } catch (err) {
      toast((err as Error).message);
    }
  };

  return (
    <View className="page">
      <View className="narrow">
        <View className="card">
          <View className="card-title">{merchant ? `开通小二 · ${merchant.name}` : '开通小二'}</View>
          <View className="muted">{`已完成 ${done}/${SETUP_STEPS.length} 步，可以随时中断，回来接着做。`}</View>
          <View className="progress">
            <View className="progress-bar" style={{ width: `${(done / SETUP_STEPS.length) * 100}%` }} />
          </View>
          {next && (
            <View className="btn-row">
              <Button className="btn btn-primary" onClick={() => open(next)}>{`继续：${next.title}`}</Button>
            </View>
          )}
        </View>
        {steps.map((step, i) => (
          <View
            key={step.key}
            className={`card step step-${step.state}`}
            data-step={step.key}
            data-state={step.state}
            onClick={() => open(step)}
          >
            <View className="step-number">{step.state === 'done' ? '✓' : i + 1}</View>
            <View className="step-body">
              <View className="row">
                <Text className="strong">{step.title}</Text>
                <Text className={`tag state-${step.state}`}>{STATE_TEXT[step.state]}</Text>
              </View>
              <View className="step-detail">{step.detail}</View>
              {step.fix && <View className="step-fix">{step.fix}</View>}
              {step.action === 'sync_customers' && (
                <View className="btn-row">
                  <Button
                    className="btn btn-ghost"
                    onClick={(e) => {
                      e.stopPropagation();
                      void syncCustomers();
                    }}
                  >
                    同步老顾客
                  </Button>
                </View>
              )}
              {step.url && step.state !== 'done' && <Text className="muted">{'去完成 ›'}</Text>}
              {!step.url && step.state !== 'done' && step.key !== 'golive' && (
                <Text className="muted">这一步的页面即将开放</Text>
              )}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
