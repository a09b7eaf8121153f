// Business hours per weekday and the holidays; the after-hours bot follows them as soon as they are saved.
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import * as merchants from '@xiaoer/common/api/merchants';
import type { MerchantDto } from '@xiaoer/common/schemas/merchant';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { WeekSpans, type Span } from '../../components/WeekSpans';
import { call } from '../../services/client';

type Holiday = MerchantDto['holidays'][number];

export function HoursSection({ merchant, onSaved }: { merchant: MerchantDto; onSaved: () => void }) {
  const [spans, setSpans] = useState<Span[]>(merchant.businessHours);
  const [holidays, setHolidays] = useState<Holiday[]>(merchant.holidays);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await call(merchants.setBusinessHours, { body: { businessHours: spans, holidays } });
      toast('营业时间已保存', 'success');
      onSaved();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="hours">
      <View className="card-title">营业时间</View>
      <View className="muted">营业时间外，小二会在微信客服里自动接待顾客。</View>
      <WeekSpans spans={spans} onChange={setSpans} />
      <View className="card-title" style={{ marginTop: '24px' }}>
        节假日
      </View>
      {holidays.map((h) => (
        <View className="field" key={h.date}>
          <Text>{`${h.date} ${h.name}`}</Text>
          <Text className="muted" onClick={() => setHolidays(holidays.filter((x) => x.date !== h.date))}>
            删除
          </Text>
        </View>
      ))}
      <HolidayAdder
        onAdd={(h) =>
          setHolidays([...holidays.filter((x) => x.date !== h.date), h].sort((a, b) => a.date.localeCompare(b.date)))
        }
      />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          保存营业时间
        </Button>
      </View>
    </View>
  );
}

function HolidayAdder({ onAdd }: { onAdd: (h: Holiday) => void }) {
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  return (
    <View className="row" style={{ gap: '12px', marginTop: '12px' }}>
      <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
        <Text className="tag">{date || '选日期'}</Text>
      </Picker>
      <Input
        className="input"
        style={{ flex: 1 }}
        placeholder="名称，如 店休"
        value={name}
        onInput={(e) => setName(e.detail.value)}
      />
      <Text
        className="tag tag-on"
        onClick={() => {
          if (!date || !name.trim()) return toast('请选日期并填写名称');
          onAdd({ date, name: name.trim(), closed: true });
          setDate('');
          setName('');
        }}
      >
        添加
      </Text>
    </View>
  );
}
