// The knowledge step of the setup: the industry template applied once (FAQ, policies, scripts, welcome texts and
// scenario defaults), then the owner's to review — the blanks only they can fill highlighted — the menu imported or
// typed in, and the first 联系我 QR code to print. Each part saves on its own; the page can be left and resumed.
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as channels from '@xiaoer/common/api/channels';
import * as knowledge from '@xiaoer/common/api/knowledge';
import * as templateApi from '@xiaoer/common/api/knowledge-template';
import type { KnowledgeTemplateResult } from '@xiaoer/common/schemas/knowledge-template';
import { useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { CHECKLIST_PAGE } from '../../services/setup-steps';
import { ChannelCodeCard } from './ChannelCodeCard';
import { MenuCard } from './MenuCard';
import { StartersCard, starterWaits, type Starter } from './StartersCard';
import { WelcomeTextsCard } from './WelcomeTextsCard';
import '../../components/form.scss';
import './setup.scss';

/** A part that may fail on its own (no WeCom yet) without taking the page down. */
const settle = <T,>(p: Promise<T>): Promise<T | Error> => p.catch((e: Error) => e);

async function load() {
  const [template, faqs, policies, scripts, products, welcomes, codes] = await Promise.all([
    call(templateApi.template),
    call(knowledge.faqs.list),
    call(knowledge.policies.list),
    call(knowledge.scripts.list),
    call(knowledge.products.list),
    settle(call(templateApi.welcomeTexts)),
    settle(call(channels.channelCodes)),
  ]);
  return {
    template,
    faqs: faqs.items.map((item): Starter => ({ kind: 'faq', item })),
    policies: policies.items.map((item): Starter => ({ kind: 'policy', item })),
    scripts: scripts.items.map((item): Starter => ({ kind: 'script', item })),
    products: products.items,
    welcomes: welcomes instanceof Error ? welcomes : welcomes.items,
    codes: codes instanceof Error ? codes : codes.items,
  };
}

function resultText(r: KnowledgeTemplateResult): string {
  const added = r.created.faq + r.created.policy + r.created.script + r.created.welcome;
  const parts = [
    added ? `新加了 ${added} 条` : '没有新加的（已有的都保留）',
    r.welcomesWaitForWecom ? '欢迎语等连接企业微信后再套用' : '',
    r.needsOwner ? `${r.needsOwner} 条等你填写` : '',
  ];
  return parts.filter(Boolean).join('，');
}

export default function KnowledgeStep() {
  const { data, error, loading, reload } = useAsync(load);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<KnowledgeTemplateResult | null>(null);
  if (!data)
    return (
      <View className="page">{error ? <ErrorState error={error} onRetry={reload} /> : loading && <Loading />}</View>
    );
  const { template } = data;
  const starters = [...data.faqs, ...data.policies, ...data.scripts];
  const waiting = starters.filter(starterWaits).length;

  const apply = async () => {
    setBusy(true);
    try {
      const r = await call(templateApi.applyTemplate, { body: {} });
      setResult(r);
      toast('模板已套用', 'success');
      await reload();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const back = () =>
    Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : void Taro.redirectTo({ url: CHECKLIST_PAGE });

  return (
    <View className="page">
      <View className="narrow">
        <View className="card" id="template">
          <View className="card-title">{`${template.industry}行业模板`}</View>
          <View className="muted">
            {`常见问答 ${template.counts.faq} 条、店规 ${template.counts.policy} 条、话术 ${template.counts.script} 条、欢迎语 ${template.counts.welcome} 条，以及适合${template.industry}的主动提醒。`}
          </View>
          <View className="muted">{`文案语气：${template.tone.style}，例如“${template.tone.sample}”`}</View>
          <View className="muted">
            模板里只写你店铺资料里有的信息；只有你知道的（退款时限、配送范围等）留成黄色的【请填写】，补上之前小二不会拿它回答顾客。
          </View>
          {result && <View className="apply-result">{resultText(result)}</View>}
          <View className="btn-row">
            <Button
              className={`btn ${template.appliedAt ? 'btn-ghost' : 'btn-primary'}`}
              disabled={busy || undefined}
              onClick={apply}
            >
              {template.appliedAt ? '再套用一次（只补缺的，不改你改过的）' : '套用模板'}
            </Button>
          </View>
        </View>
        {starters.length > 0 && (
          <>
            <StartersCard
              id="faqs"
              title="常见问答"
              hint="顾客这样问时，小二这样答。"
              starters={data.faqs}
              onChanged={reload}
            />
            <StartersCard
              id="policies"
              title="店规"
              hint="退款、配送、预约、会员等规则，顾客问到时小二照这里说。"
              starters={data.policies}
              onChanged={reload}
            />
            <StartersCard
              id="scripts"
              title="话术"
              hint="员工在聊天侧边栏一键发送的常用话。"
              starters={data.scripts}
              onChanged={reload}
            />
          </>
        )}
        <WelcomeTextsCard items={data.welcomes} onSaved={reload} />
        <MenuCard products={data.products} onChanged={reload} />
        <ChannelCodeCard codes={data.codes} onCreated={reload} />
        <View className="card" id="knowledge-status" data-waiting={waiting}>
          <View className="card-title">{waiting ? `还有 ${waiting} 条等你填写` : '知识库准备好了'}</View>
          <View className="muted">随时可以回来修改，改完顾客马上就能问到新的内容。</View>
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={back}>
              回到开通清单
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
