// The shop's city for the weather: tomorrow's rain, snow, heat or cold snap becomes an afternoon alert with what to
// get ready, and a care message for the customer groups to approve.
import { Button, Input, Text, View } from '@tarojs/components';
import * as merchants from '@xiaoer/common/api/merchants';
import type { WeatherSignalKey } from '@xiaoer/common/schemas/weather';
import { useState } from 'react';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';

const SIGNALS: Record<WeatherSignalKey, string> = { rain: '有雨', snow: '下雪', heat: '高温', cold: '降温' };
const DAY_NAMES = ['今天', '明天', '后天'];

export function WeatherSection() {
  const view = useAsync(() => call(merchants.weather));
  const [city, setCity] = useState('');
  const { busy, act } = useAction(() => view.reload());
  const v = view.data;
  if (!v) return null;
  if (!v.available) {
    return (
      <View className="card" id="weather">
        <View className="card-title">天气提醒</View>
        <View className="muted">还没有接入天气服务，接入后会按店铺所在城市提前提醒下雨、高温和降温。</View>
      </View>
    );
  }
  const save = () =>
    act(
      () => call(merchants.setWeatherLocation, { body: { city } }).then(() => setCity('')),
      '已设置，明天的天气会提前告诉你',
    );
  return (
    <View className="card" id="weather">
      <View className="card-title">天气提醒</View>
      <View className="muted">
        {v.location ? `店铺所在地：${v.location.name}。` : '填上店铺所在的城市或区县，'}
        第二天下雨、高温、降温时，下午会提醒你备货，并为客户群准备一条关怀消息。
      </View>
      {v.problem && <View className="up">{v.problem}</View>}
      {v.days.map((d, i) => (
        <View key={d.date} className="field">
          <Text>{DAY_NAMES[i] ?? d.date.slice(5)}</Text>
          <Text className={d.signals.length ? 'tag tag-on' : 'muted'}>
            {[d.text, ...d.signals.map((s) => SIGNALS[s])].join(' · ')}
          </Text>
        </View>
      ))}
      <Input
        className="input"
        placeholder={v.location ? '换一个城市或区县' : '城市或区县，如：徐汇、成都'}
        maxlength={30}
        value={city}
        onInput={(e) => setCity(e.detail.value)}
      />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || !city.trim() || undefined} onClick={save}>
          {busy ? '查找中…' : '设置所在地'}
        </Button>
      </View>
    </View>
  );
}
