// The signed webhooks the shop's systems push to, one per system (收银系统, ERP, 美团核销 …): add one with a name
// (and the platform's own key, for 美团 / 抖音 / 快递100), and per endpoint its URL, a new secret (shown once here, never again), revoking it, and its last deliveries.
import { Button, Input, Text, View } from '@tarojs/components';
import * as intake from '@xiaoer/common/api/intake';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { Empty } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { call } from '../../services/client';
import { WebhookEndpointCard, type FreshSecret } from './WebhookEndpointCard';
import './integrations.scss';

export function WebhookSection() {
  const list = useAsync(() => call(intake.webhookEndpoints));
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [fresh, setFresh] = useState<FreshSecret>();
  const { errors, busy, submit } = useFormSubmit();

  const add = () =>
    submit(intake.webhookEndpointCreateSchema, { name, ...(secret.trim() && { secret }) }, async (body) => {
      const created = await call(intake.createWebhookEndpoint, { body });
      setFresh({ id: created.endpoint.id, secret: created.secret, message: created.message });
      setName('');
      setSecret('');
      await list.reload();
      return '推送地址已添加';
    });

  const endpoints = list.data?.items;
  return (
    <View className="card" id="webhook">
      <View className="card-title">
        <Text>推送地址（收银 / ERP / 团购核销）</Text>
        {endpoints && (
          <Text className={endpoints.length ? 'tag tag-on' : 'tag'}>
            {endpoints.length ? `${endpoints.length} 个` : '未开通'}
          </Text>
        )}
      </View>
      {list.error && <View className="up">{list.error.message}</View>}
      {endpoints && endpoints.length === 0 && (
        <Empty
          title="还没有推送地址"
          hint="每个要推数据的系统各加一个（比如「收银系统」「ERP」），把地址和密钥交给它的对接人员，订单等数据会自动进到小二。"
        />
      )}
      {endpoints?.map((e) => (
        <WebhookEndpointCard
          key={e.id}
          endpoint={e}
          fresh={fresh?.id === e.id ? fresh : undefined}
          onSecret={setFresh}
          onRevoked={list.reload}
        />
      ))}
      <View className="endpoint-new" id="webhook-new">
        <Field label="添加推送地址：给要推数据的系统起个名字" error={errors.name}>
          <Input
            className="input"
            id="webhook-name"
            value={name}
            maxlength={20}
            placeholder="如 收银系统、ERP、美团核销"
            onInput={(ev) => setName(ev.detail.value)}
          />
        </Field>
        <Field
          label="平台密钥（对接美团、抖音时填平台给的密钥；快递100 填订阅时自己设的 salt；其他系统不填）"
          error={errors.secret}
        >
          <Input
            className="input"
            id="webhook-secret"
            value={secret}
            maxlength={128}
            placeholder="不填则由小二生成"
            onInput={(ev) => setSecret(ev.detail.value)}
          />
        </Field>
        <FormError error={errors._} />
        <View className="btn-row">
          <Button className="btn btn-primary" id="webhook-add" disabled={busy || undefined} onClick={() => void add()}>
            添加
          </Button>
        </View>
      </View>
    </View>
  );
}
