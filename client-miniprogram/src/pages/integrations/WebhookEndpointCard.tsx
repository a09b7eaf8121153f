// One push address: its name, orders URL and the platforms' push URLs (tap to copy), when its secret was made, a new secret (confirmed first,
// shown once; the URL stays) and revoking it (confirmed first), then its last deliveries.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as intake from '@xiaoer/common/api/intake';
import { toast } from '../../components/Toast';
import { useAction } from '../../hooks/useAction';
import { call } from '../../services/client';
import { PLATFORM_LABELS, WebhookDeliveries, whenOf } from './WebhookDeliveries';

export interface FreshSecret {
  id: string;
  secret: string;
  message: string;
}

const copy = (data: string) => void Taro.setClipboardData({ data });

export function WebhookEndpointCard({
  endpoint,
  fresh,
  onSecret,
  onRevoked,
}: {
  endpoint: intake.WebhookEndpointDto;
  fresh?: FreshSecret;
  onSecret: (fresh: FreshSecret) => void;
  onRevoked: () => Promise<void>;
}) {
  const { busy, act } = useAction(onRevoked);
  const params = { id: endpoint.id };

  const rotate = async () => {
    const { confirm } = await Taro.showModal({
      title: `给「${endpoint.name}」换新密钥？`,
      content: '旧密钥会立即失效，地址不变；对接人员要换成新密钥才能继续推送。',
      confirmText: '换新密钥',
    });
    if (!confirm) return;
    try {
      const rotated = await call(intake.rotateWebhookSecret, { params });
      onSecret({ id: endpoint.id, secret: rotated.secret, message: rotated.message });
    } catch (err) {
      toast((err as Error).message);
    }
  };

  const revoke = async () => {
    const { confirm } = await Taro.showModal({
      title: `停用「${endpoint.name}」？`,
      content: '停用后这个地址不再接收任何推送，不能恢复；需要时再添加一个新的。',
      confirmText: '停用',
      confirmColor: '#e34d59',
    });
    if (confirm) await act(() => call(intake.revokeWebhookEndpoint, { params }), '已停用');
  };

  return (
    <View className="list-item endpoint" data-endpoint={endpoint.name}>
      <View className="row">
        <Text className="endpoint-name">{endpoint.name}</Text>
      </View>
      <View className="webhook-url" onClick={() => copy(endpoint.url)}>
        {endpoint.url}
      </View>
      <View className="muted">平台直接推送时用（点击复制）：</View>
      {Object.entries(endpoint.pushUrls).map(([p, url]) => (
        <View key={p} className="webhook-url" data-push-url={p} onClick={() => copy(url)}>
          {`${PLATFORM_LABELS[p] ?? p}：${url}`}
        </View>
      ))}
      {fresh ? (
        <View className="webhook-fresh" data-secret-for={endpoint.name}>
          <View className="webhook-secret" onClick={() => copy(fresh.secret)}>
            {fresh.secret}
          </View>
          <View className="up">{fresh.message}</View>
        </View>
      ) : (
        <View className="muted">{`密钥在 ${whenOf(endpoint.secretSetAt)} 生成，出于安全不再显示；忘了就换一个新的。`}</View>
      )}
      <View className="btn-row">
        <Button className="btn btn-ghost" data-rotate={endpoint.name} onClick={() => void rotate()}>
          换新密钥
        </Button>
        <Button
          className="btn btn-ghost btn-danger"
          data-revoke={endpoint.name}
          disabled={busy || undefined}
          onClick={() => void revoke()}
        >
          停用
        </Button>
      </View>
      <WebhookDeliveries endpointId={endpoint.id} />
    </View>
  );
}
