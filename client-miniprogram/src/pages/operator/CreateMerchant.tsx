// A new merchant (name, industry) and its owner's one-time setup link, shown once to copy and send.
import { Button, Input, Picker, View } from '@tarojs/components';
import * as operator from '@xiaoer/common/api/operator';
import { INDUSTRIES, type Industry } from '@xiaoer/common/constants/industries';
import { operatorMerchantCreateSchema, type SetupLinkDto } from '@xiaoer/common/schemas/operator';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { asOperator } from '../../services/operator';
import { LinkOnce } from './LinkOnce';

export function CreateMerchant({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState<Industry>(INDUSTRIES[0]);
  const { errors, busy, submit } = useFormSubmit();
  const [created, setCreated] = useState<{ name: string; link: SetupLinkDto } | null>(null);

  const create = () =>
    submit(operatorMerchantCreateSchema, { name, industry }, async (body) => {
      const result = await asOperator(operator.createMerchant, { body });
      setCreated({ name: result.merchant.name, link: result.setupLink });
      setName('');
      onCreated();
    });

  return (
    <View className="card" id="create-merchant">
      <View className="card-title">新建商户</View>
      <Field label="商户名称" error={errors.name}>
        <Input
          className="input"
          placeholder="如：茶语时光"
          maxlength={50}
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field label="行业" error={errors.industry}>
        <Picker
          mode="selector"
          range={[...INDUSTRIES]}
          value={INDUSTRIES.indexOf(industry)}
          onChange={(e) => setIndustry(INDUSTRIES[Number(e.detail.value)] ?? industry)}
        >
          <View className="picker-value">{`${industry} ›`}</View>
        </Picker>
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={create}>
          {busy ? '创建中…' : '创建并生成开通链接'}
        </Button>
      </View>
      {created && (
        <View>
          <View className="muted" style={{ marginTop: '16px' }}>{`已创建「${created.name}」。`}</View>
          <LinkOnce link={created.link} />
        </View>
      )}
    </View>
  );
}
