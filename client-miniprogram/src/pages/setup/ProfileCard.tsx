// The business's name and industry. The industry picks the templates the shop starts from (scenarios, the customer
// groups' calendar, the knowledge starters), so it is chosen from the five the product knows.
import { Button, Input, Picker, View } from '@tarojs/components';
import * as merchants from '@xiaoer/common/api/merchants';
import { INDUSTRIES, type Industry } from '@xiaoer/common/constants/industries';
import { merchantProfileUpdateSchema, type MerchantDto } from '@xiaoer/common/schemas/merchant';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { call } from '../../services/client';

export function ProfileCard({ merchant, onSaved }: { merchant: MerchantDto; onSaved: () => void }) {
  const [name, setName] = useState(merchant.name);
  const [industry, setIndustry] = useState<Industry>(merchant.industry);
  const { errors, busy, submit } = useFormSubmit();

  const save = () =>
    submit(merchantProfileUpdateSchema, { name, industry }, async (body) => {
      await call(merchants.updateProfile, { body });
      onSaved();
      return '店铺名称和行业已保存';
    });

  return (
    <View className="card" id="profile">
      <View className="card-title">店铺名称和行业</View>
      <Field label="店铺名称（顾客看到的名字）" error={errors.name}>
        <Input className="input" maxlength={50} value={name} onInput={(e) => setName(e.detail.value)} />
      </Field>
      <Field label="行业（决定小二给你准备的模板）" error={errors.industry}>
        <Picker
          mode="selector"
          range={[...INDUSTRIES]}
          value={INDUSTRIES.indexOf(industry)}
          onChange={(e) => setIndustry(INDUSTRIES[Number(e.detail.value)] ?? industry)}
        >
          <View className="picker-value" data-role="industry">{`${industry} ›`}</View>
        </Picker>
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          保存名称和行业
        </Button>
      </View>
    </View>
  );
}
