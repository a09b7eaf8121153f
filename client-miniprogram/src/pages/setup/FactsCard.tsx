// What customers ask besides products and policies: how to pay, delivery platforms, booking, couriers and where
// parcels ship from, invoices, wifi, and any other the owner names. Each topic one line; the bot answers from it.
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import * as merchants from '@xiaoer/common/api/merchants';
import { SHOP_FACT_EXAMPLES, SHOP_FACT_LABELS } from '@xiaoer/common/constants/shop-facts';
import type { MerchantDto } from '@xiaoer/common/schemas/merchant';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { errorsOf, type FieldErrors } from '../../services/form-check';
import { NAMED_TOPICS, checkFacts, factsForm, fieldErrors, type FactsForm } from '../../services/shop-facts-form';

/** a line or two for each fact, not the editor's tall box */
const SHORT = { minHeight: '88px' };

export function FactsCard({ merchant, onSaved }: { merchant: MerchantDto; onSaved: () => void }) {
  const [form, setForm] = useState<FactsForm>(() => factsForm(merchant.facts));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const setOther = (i: number, part: 'label' | 'text', value: string) =>
    setForm((f) => ({ ...f, others: f.others.map((o, j) => (j === i ? { ...o, [part]: value } : o)) }));

  const save = async () => {
    const checked = checkFacts(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await call(merchants.setFacts, { body: { facts: checked.facts } });
      toast('顾客常问的信息已保存', 'success');
      onSaved();
    } catch (err) {
      setErrors(fieldErrors(form, errorsOf(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="facts">
      <View className="card-title">顾客常问的信息</View>
      <View className="muted">顾客问怎么付款、能不能外卖、发什么快递时，小二按这里回答；不适用的留空。</View>
      {NAMED_TOPICS.map((topic) => (
        <Field key={topic} label={SHOP_FACT_LABELS[topic]} error={errors[topic]}>
          <View data-topic={topic}>
            <Textarea
              className="textarea"
              style={SHORT}
              autoHeight
              maxlength={300}
              placeholder={`如：${SHOP_FACT_EXAMPLES[topic]}`}
              value={form.topics[topic] ?? ''}
              onInput={(e) => setForm((f) => ({ ...f, topics: { ...f.topics, [topic]: e.detail.value } }))}
            />
          </View>
        </Field>
      ))}
      {form.others.map((o, i) => (
        <View className="list-item" key={i} data-other={i}>
          <Field label="其他：名称" error={errors[`other.${i}.label`]}>
            <Input
              className="input"
              maxlength={20}
              placeholder="如：宠物"
              value={o.label}
              onInput={(e) => setOther(i, 'label', e.detail.value)}
            />
          </Field>
          <Field label="内容" error={errors[`other.${i}.text`]}>
            <Textarea
              className="textarea"
              style={SHORT}
              autoHeight
              maxlength={300}
              placeholder="如：小型宠物可以抱着进店"
              value={o.text}
              onInput={(e) => setOther(i, 'text', e.detail.value)}
            />
          </Field>
          <Text
            className="muted"
            onClick={() => setForm((f) => ({ ...f, others: f.others.filter((_, j) => j !== i) }))}
          >
            删除这一项
          </Text>
        </View>
      ))}
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          保存这些信息
        </Button>
        <Button
          className="btn btn-ghost"
          onClick={() => setForm((f) => ({ ...f, others: [...f.others, { label: '', text: '' }] }))}
        >
          再加一项
        </Button>
      </View>
    </View>
  );
}
