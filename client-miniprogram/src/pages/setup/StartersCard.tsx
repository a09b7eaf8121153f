// The template's FAQ, policies and scripts for the owner to review: blanks highlighted, each item edited in place
// (through the knowledge editor's own endpoints, so the change history records it).
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { hasBlank } from '@xiaoer/common/schemas/knowledge-template';
import { faqInputSchema, policyInputSchema, scriptInputSchema } from '@xiaoer/common/schemas/knowledge';
import type { FaqDto, PolicyDto, ScriptDto } from '@xiaoer/common/schemas/knowledge-item';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { BlankText } from './BlankText';

export type Starter =
  { kind: 'faq'; item: FaqDto } | { kind: 'policy'; item: PolicyDto } | { kind: 'script'; item: ScriptDto };

const heading = (s: Starter) => (s.kind === 'faq' ? s.item.questions[0]! : s.item.title);
const body = (s: Starter) => (s.kind === 'faq' ? s.item.answer : s.item.content);
export const starterWaits = (s: Starter) =>
  s.kind === 'faq' ? hasBlank(s.item.answer, ...s.item.questions) : hasBlank(s.item.title, s.item.content);

export function StartersCard({
  id,
  title,
  hint,
  starters,
  onChanged,
  onRemove,
}: {
  id: string;
  title: string;
  hint: string;
  starters: Starter[];
  onChanged: () => void;
  /** given: each item has 删除 (the page confirms and deletes) */
  onRemove?: (s: Starter) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const left = starters.filter(starterWaits).length;
  return (
    <View className="card" id={id}>
      <View className="card-title">{`${title}（${starters.length}）`}</View>
      <View className="muted">{hint}</View>
      {left > 0 && <View className="blank-note">{`${left} 条还有黄色的【请填写】，补上前小二不会用它们`}</View>}
      {starters.map((s) =>
        editing === s.item.id ? (
          <StarterForm
            key={s.item.id}
            starter={s}
            onDone={() => {
              setEditing(null);
              onChanged();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <View key={s.item.id} className="starter" data-starter={heading(s)} data-waiting={starterWaits(s)}>
            <View className="starter-head">
              <Text className="strong">{heading(s)}</Text>
              <View className="row" style={{ gap: '12px' }}>
                <Text className="tag tag-on" onClick={() => setEditing(s.item.id)}>
                  {starterWaits(s) ? '去填写' : '修改'}
                </Text>
                {onRemove && (
                  <Text className="tag" data-remove={heading(s)} onClick={() => onRemove(s)}>
                    删除
                  </Text>
                )}
              </View>
            </View>
            <View className="starter-body">
              <BlankText text={body(s)} />
            </View>
          </View>
        ),
      )}
    </View>
  );
}

function StarterForm({ starter, onDone, onCancel }: { starter: Starter; onDone: () => void; onCancel: () => void }) {
  const [head, setHead] = useState(starter.kind === 'faq' ? starter.item.questions.join('\n') : starter.item.title);
  const [text, setText] = useState(body(starter));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const params = { id: starter.item.id };
    let work: () => Promise<unknown>;
    if (starter.kind === 'faq') {
      const questions = head
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean);
      const checked = checkForm(faqInputSchema, { questions, answer: text });
      if (!checked.ok) return setErrors(checked.errors);
      work = () => call(knowledge.faqs.update, { params, body: checked.value });
    } else if (starter.kind === 'policy') {
      const checked = checkForm(policyInputSchema, { kind: starter.item.kind, title: head, content: text });
      if (!checked.ok) return setErrors(checked.errors);
      work = () => call(knowledge.policies.update, { params, body: checked.value });
    } else {
      const { category, attachment } = starter.item;
      const checked = checkForm(scriptInputSchema, { category, title: head, content: text, attachment });
      if (!checked.ok) return setErrors(checked.errors);
      work = () => call(knowledge.scripts.update, { params, body: checked.value });
    }
    setErrors({});
    setBusy(true);
    try {
      await work();
      toast(hasBlank(head, text) ? '已保存，还有【请填写】没补' : '已保存', hasBlank(head, text) ? 'none' : 'success');
      onDone();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="starter starter-editing">
      {starter.kind === 'faq' ? (
        <Field label="顾客的问法（一行一个）" error={errors.questions ?? errors['questions.0']}>
          <Textarea className="textarea" value={head} maxlength={2000} onInput={(e) => setHead(e.detail.value)} />
        </Field>
      ) : (
        <Field label="标题" error={errors.title}>
          <Input className="input" value={head} maxlength={50} onInput={(e) => setHead(e.detail.value)} />
        </Field>
      )}
      <Field
        label={
          starter.kind === 'faq'
            ? '回答（把【请填写：…】换成你店里的实际情况）'
            : '内容（把【请填写：…】换成你店里的实际情况）'
        }
        error={errors.answer ?? errors.content}
      >
        <Textarea
          className="textarea"
          value={text}
          maxlength={starter.kind === 'faq' ? 1000 : 2000}
          onInput={(e) => setText(e.detail.value)}
        />
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          保存
        </Button>
        <Button className="btn btn-ghost" onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
