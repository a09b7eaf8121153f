// The signed webhook a POS / ERP pushes orders to: its URL, a new secret (shown once here, never again; the old one
// stops at once) and the last deliveries, with the reason a refused one was given.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as intake from '@xiaoer/common/api/intake';
import { INTAKE_KINDS } from '@xiaoer/common/schemas/shop-data';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import './integrations.scss';

const kindLabel = (kind: string) =>
  (INTAKE_KINDS as Record<string, { label: string } | undefined>)[kind]?.label ?? kind;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function WebhookSection() {
  const hook = useAsync(() => Promise.all([call(intake.webhook), call(intake.webhookDeliveries)]));
  const [fresh, setFresh] = useState<{ url: string; secret: string; message: string }>();
  const [view, deliveries] = hook.data ?? [];

  const rotate = async () => {
    if (view?.configured) {
      const { confirm } = await Taro.showModal({
        title: '换一个新密钥？',
        content: '旧的地址和密钥会立即失效，收银系统要改成新的才能继续推送。',
        confirmText: '换新密钥',
      });
      if (!confirm) return;
    }
    try {
      setFresh(await call(intake.rotateWebhook));
      await hook.reload();
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const copy = (data: string) => void Taro.setClipboardData({ data });

  return (
    <View className="card" id="webhook">
      <View className="card-title">
        <Text>收银 / ERP 推送地址</Text>
        {view && (
          <Text className={view.configured ? 'tag tag-on' : 'tag'}>{view.configured ? '已开通' : '未开通'}</Text>
        )}
      </View>
      {hook.error && <View className="up">{hook.error.message}</View>}
      {view && !view.configured && !fresh && (
        <View className="muted">开通后，把地址和密钥交给收银系统的对接人员，订单会自动进到小二。</View>
      )}
      {view?.configured && !fresh && (
        <View>
          <View className="webhook-url" onClick={() => copy(view.url)}>
            {view.url}
          </View>
          <View className="muted">{`密钥在 ${time(view.updatedAt)} 生成，出于安全不再显示；忘了就换一个新的。`}</View>
        </View>
      )}
      {fresh && (
        <View className="webhook-fresh" id="webhook-secret">
          <View className="webhook-url" onClick={() => copy(fresh.url)}>
            {fresh.url}
          </View>
          <View className="webhook-secret" onClick={() => copy(fresh.secret)}>
            {fresh.secret}
          </View>
          <View className="up">{fresh.message}</View>
        </View>
      )}
      <View className="btn-row">
        <Button className="btn btn-ghost" id="webhook-rotate" onClick={rotate}>
          {view?.configured ? '换新密钥' : '开通推送地址'}
        </Button>
      </View>
      {deliveries && deliveries.items.length > 0 && (
        <View className="deliveries">
          <View className="deliveries-title">最近的推送</View>
          {deliveries.items.map((d, i) => (
            <View key={i} className="list-item delivery" data-status={d.status}>
              <View className="row">
                <Text className="delivery-when">{`${time(d.at)} · ${kindLabel(d.kind)}`}</Text>
                <Text className={d.status === 200 ? 'tag tag-on' : 'tag tag-bad'}>
                  {d.status === 200 ? '成功' : `失败 ${d.status}`}
                </Text>
              </View>
              {d.status === 200 && (
                <View className="muted">{`收到 ${d.received ?? 0} 条${d.failed ? `，其中 ${d.failed} 条有误` : ''}`}</View>
              )}
              {d.error && <View className="delivery-error">{d.error}</View>}
              {d.oldUrl && <View className="muted">（发到了换密钥之前的地址）</View>}
            </View>
          ))}
        </View>
      )}
      {deliveries && deliveries.items.length === 0 && view?.configured && (
        <View className="muted">还没有收到推送。对接好后，这里会显示最近 20 次推送和失败原因。</View>
      )}
    </View>
  );
}
