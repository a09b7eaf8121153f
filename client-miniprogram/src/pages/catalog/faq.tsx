// The shop's FAQ and policies after setup: each edited in place (the setup step's own cards, reused), new ones added
// here. Every save goes through the knowledge editor, so the change history records who and can undo it.
import { Button, Input, Picker, Textarea, View } from '@tarojs/components';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { POLICY_KINDS, faqInputSchema, policyInputSchema } from '@xiaoer/common/schemas/knowledge';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { sessionStore } from '../../services/session';
import { StartersCard, type Starter } from '../setup/StartersCard';
import '../setup/setup.scss';
import './catalog.scss';

const KIND_NAMES: Record<(typeof POLICY_KINDS)[number], string> = {
  refund: '退款退货',
  delivery: '配送',
  booking: '预约',
  membership: '会员',
  promotion: '优惠活动',
  other: '其他',
};

async function load() {
  const [faqs, policies] = await Promise.all([call(knowledge.faqs.list), call(knowledge.policies.list)]);
  return {
    faqs: faqs.items.map((item): Starter => ({ kind: 'faq', item })),
    policies: policies.items.map((item): Starter => ({ kind: 'policy', item })),
  };
}

export default function FaqAndPolicies() {
  const { data, error, loading, reload } = useAsync(load);
  const canEdit = sessionStore.get()?.staff.role !== 'staff';
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data && loading) return <Loading />;
  return (
    <View className="page narrow">
      {canEdit && <NewItem onAdded={reload} />}
      <StartersCard
        id="faqs"
        title="常见问答"
        hint="顾客这样问时，小二按回答说。点「修改」改问法或回答。"
        starters={data?.faqs ?? []}
        onChanged={reload}
      />
      <StartersCard
        id="policies"
        title="店铺规定"
        hint="退款、配送、预约、会员、优惠：小二回答时以这里为准。"
        starters={data?.policies ?? []}
        onChanged={reload}
      />
    </View>
  );
}

/** A new FAQ (问法 one a line, the answer) or policy (its kind, title, content). */
function NewItem({ onAdded }: { onAdded: () => Promise<void> }) {
  const [kind, setKind] = useState<'faq' | (typeof POLICY_KINDS)[number]>('faq');
  const [head, setHead] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const kinds = ['faq', ...POLICY_KINDS] as const;
  const names = kinds.map((k) => (k === 'faq' ? '常见问答' : `规定：${KIND_NAMES[k]}`));

  const add = async () => {
    let work: () => Promise<unknown>;
    if (kind === 'faq') {
      const questions = head
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean);
      const checked = checkForm(faqInputSchema, { questions, answer: body });
      if (!checked.ok) return setErrors(checked.errors);
      work = () => call(knowledge.faqs.create, { body: checked.value });
    } else {
      const checked = checkForm(policyInputSchema, { kind, title: head, content: body });
      if (!checked.ok) return setErrors(checked.errors);
      work = () => call(knowledge.policies.create, { body: checked.value });
    }
    setErrors({});
    setBusy(true);
    try {
      await work();
      toast('已添加，小二马上会用', 'success');
      setHead('');
      setBody('');
      await onAdded();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="new-item">
      <View className="card-title">新增一条</View>
      <Field label="类型">
        <Picker
          mode="selector"
          range={names}
          value={kinds.indexOf(kind)}
          onChange={(e) => setKind(kinds[Number(e.detail.value)]!)}
        >
          <View className="picker-value">{names[kinds.indexOf(kind)]}</View>
        </Picker>
      </Field>
      {kind === 'faq' ? (
        <Field label="顾客的问法（一行一个）" error={errors.questions ?? errors['questions.0']}>
          <Textarea
            className="textarea"
            value={head}
            maxlength={2000}
            placeholder={'可以带宠物吗\n狗狗能进店吗'}
            onInput={(e) => setHead(e.detail.value)}
          />
        </Field>
      ) : (
        <Field label="标题" error={errors.title}>
          <Input
            className="input"
            value={head}
            maxlength={50}
            placeholder="如 退款规则"
            onInput={(e) => setHead(e.detail.value)}
          />
        </Field>
      )}
      <Field label={kind === 'faq' ? '回答' : '内容'} error={errors.answer ?? errors.content}>
        <Textarea
          className="textarea"
          value={body}
          maxlength={kind === 'faq' ? 1000 : 2000}
          onInput={(e) => setBody(e.detail.value)}
        />
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void add()}>
          添加
        </Button>
      </View>
    </View>
  );
}
