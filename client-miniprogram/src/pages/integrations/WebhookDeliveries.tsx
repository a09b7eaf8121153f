// One push address's last deliveries (at most 20): what each received, or the reason a refused one was given.
import { Text, View } from '@tarojs/components';
import * as intake from '@xiaoer/common/api/intake';
import { INTAKE_KINDS } from '@xiaoer/common/schemas/shop-data';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';

/** The platforms whose own pushes an address takes (its URL's …/push/<platform>), as the owner knows them. */
export const PLATFORM_LABELS: Record<string, string> = {
  meituan: '美团验券',
  douyin: '抖音核销',
  kuaidi100: '快递100',
};

const kindLabel = (kind: string) =>
  kind.startsWith('push/')
    ? `${PLATFORM_LABELS[kind.slice(5)] ?? kind.slice(5)}推送`
    : ((INTAKE_KINDS as Record<string, { label: string } | undefined>)[kind]?.label ?? kind);
export const whenOf = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const { data, error } = useAsync(() => call(intake.webhookDeliveries, { params: { id: endpointId } }), [endpointId]);
  if (error) return <View className="up">{error.message}</View>;
  if (!data) return null;
  if (data.items.length === 0)
    return <View className="muted">还没有收到推送。对接好后，这里会显示最近 20 次推送和失败原因。</View>;
  return (
    <View className="deliveries">
      <View className="deliveries-title">最近的推送</View>
      {data.items.map((d, i) => (
        <View key={i} className="delivery" data-status={d.status}>
          <View className="row">
            <Text className="delivery-when">{`${whenOf(d.at)} · ${kindLabel(d.kind)}`}</Text>
            <Text className={d.status === 200 ? 'tag tag-on' : 'tag tag-bad'}>
              {d.status === 200 ? '成功' : `失败 ${d.status}`}
            </Text>
          </View>
          {d.status === 200 && (
            <View className="muted">{`收到 ${d.received ?? 0} 条${d.failed ? `，其中 ${d.failed} 条有误` : ''}`}</View>
          )}
          {d.error && <View className="delivery-error">{d.error}</View>}
        </View>
      ))}
    </View>
  );
}
