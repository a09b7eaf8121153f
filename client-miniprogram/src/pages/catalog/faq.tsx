// The shop's FAQ and policies after setup: each edited in place (the setup step's own cards, reused) or deleted
// (after the owner confirms), new ones added here, 20 of each at a time. Every save and delete goes through the
// knowledge editor, so the change history records who and can undo it.
import { Button, Input, Picker, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { POLICY_KINDS, faqInputSchema, policyInputSchema } from '@xiaoer/common/schemas/knowledge';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAction } from '../../hooks/useAction';
import { usePages } from '../../hooks/usePages';
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

const PAGE_SIZE = 20;
const REMOVE = { faq: knowledge.faqs.remove, policy: knowledge.policies.remove, script: knowledge.scripts.remove };

export default function FaqAndPolicies() {
  const faqs = usePages(async (cursor) => {
    const page = await call(knowledge.faqs.list, { query: { limit: PAGE_SIZE, cursor } });
    return { ...page, items: page.items.map((item): Starter => ({ kind: 'faq', item })) };
  });
  const policies = usePages(async (cursor) => {
    const page = await call(knowledge.policies.list, { query: { limit: PAGE_SIZE, cursor } });
    return { ...page, items: page.items.map((item): Starter => ({ kind: 'policy', item })) };
  });
  const reload = async () => {
    await Promise.all([faqs.reload(), policies.reload()]);
  };
  const { act } = useAction(reload);
  const canEdit = sessionStore.get()?.staff.role !== 'staff';
  const error = faqs.error ?? policies.error;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!faqs.items || !policies.items) return <Loading />;

  const remove = async (s: Starter) => {
    const what = s.kind === 'faq' ? `问答「${s.item.questions[0]}」` : `规定「${s.item.title}」`;
    const { confirm } = await Taro.showModal({
      title: `删除${what}？`,
      content: '小二以后不再用它回答；删错了可以在「修改记录」里撤销',
    });
    if (confirm) await act(() => call(REMOVE[s.kind], { params: { id: s.item.id } }), '已删除，可在修改记录里撤销');
  };
  const onRemove = canEdit ? (s: Starter) => void remove(s) : undefined;
  return (
    <View className="page narrow">
      {canEdit && <NewItem onAdded={reload} />}
      {!faqs.items.length && !policies.items.length && (
        <Empty
          title="还没有问答和规定"
          hint={canEdit ? '在上面「新增一条」写下顾客常问的问题和回答，小二就会照着答' : '请老板或店长添加'}
        />
      )}
      <StartersCard
        id="faqs"
        title="常见问答"
        hint="顾客这样问时，小二按回答说。点「修改」改问法或回答。"
        starters={faqs.items}
        onChanged={reload}
        onRemove={onRemove}
      />
      <LoadMore more={faqs.hasMore} busy={faqs.loadingMore} onMore={() => void faqs.loadMore()} />
      <StartersCard
        id="policies"
        title="店铺规定"
        hint="退款、配送、预约、会员、优惠：小二回答时以这里为准。"
        starters={policies.items}
        onChanged={reload}
        onRemove={onRemove}
      />
      <LoadMore more={policies.hasMore} busy={policies.loadingMore} onMore={() => void policies.loadMore()} />
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
