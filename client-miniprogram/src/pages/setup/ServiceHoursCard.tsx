// 客服 hours: when the shop's online customer service answers, for sellers whose chat is staffed apart from any
// shop's opening hours (online shops above all). Off: the same as the opening hours.
import { Button, Switch, Text, View } from '@tarojs/components';
import * as merchants from '@xiaoer/common/api/merchants';
import { serviceHoursUpdateSchema, type MerchantDto } from '@xiaoer/common/schemas/merchant';
import { useState } from 'react';
import { FormError } from '../../components/Field';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { WeekSpans, type Span } from '../../components/WeekSpans';
import { call } from '../../services/client';

const WORKDAYS: Span[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00' }));

export function ServiceHoursCard({ merchant, onSaved }: { merchant: MerchantDto; onSaved: () => void }) {
  const [apart, setApart] = useState(Boolean(merchant.serviceHours) || merchant.industry === '电商');
  const [spans, setSpans] = useState<Span[]>(merchant.serviceHours ?? WORKDAYS);
  const { errors, busy, submit } = useFormSubmit();

  const save = () =>
    submit(serviceHoursUpdateSchema, { serviceHours: apart ? spans : null }, async (body) => {
      await call(merchants.setServiceHours, { body });
      onSaved();
      return '客服时间已保存';
    });

  return (
    <View className="card" id="service-hours">
      <View className="card-title">客服时间</View>
      <View className="muted">网店或线上接待的时间和门店营业时间不一样时填写；顾客问“客服在吗”时小二按这里回答。</View>
      <View className="field" data-role="apart">
        <Text>客服时间和营业时间不同</Text>
        <Switch checked={apart} color="#07c160" onChange={(e) => setApart(e.detail.value)} />
      </View>
      {apart && <WeekSpans spans={spans} onChange={setSpans} />}
      <FormError error={errors._ ?? Object.values(errors)[0]} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          保存客服时间
        </Button>
      </View>
    </View>
  );
}
