// WeCom as the integrations page shows it: connected or not, which way, and when WeCom last reached the callback.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '还没有');

export function WecomStatusSection() {
  const { data, error } = useAsync(() => call(wecomSetup.setup));
  const app = data?.app;
  const connected = Boolean(app && !app.disabledAt);
  return (
    <View className="card" id="wecom-status">
      <View className="card-title">
        <Text>企业微信</Text>
        {data && (
          <Text className={connected ? 'tag tag-on' : 'tag'} data-connected={String(connected)}>
            {connected ? '已连接' : app?.disabledAt ? '授权已取消' : '未连接'}
          </Text>
        )}
      </View>
      {error && <View className="up">{error.message}</View>}
      {app && (
        <View>
          <View className="muted">{`接入方式：${app.mode === 'agency' ? '服务商代开发（扫码授权）' : '自建应用'}`}</View>
          <View className="muted">{`企业：${app.corpName ?? app.corpId} · 应用 ${app.agentId}`}</View>
          <View className="muted">{`企业微信最近一次推送：${when(data.callback.lastEventAt)}`}</View>
          <View className="muted">{`回调地址最近验证：${when(data.callback.verifiedAt)}`}</View>
        </View>
      )}
      {data && !app && <View className="muted">还没有连接企业微信，连接后顾客消息才会进到小二。</View>}
      <View className="btn-row">
        <Button className="btn btn-ghost" onClick={() => void Taro.navigateTo({ url: '/pages/setup-wecom/index' })}>
          {app ? '查看或修改企业微信设置' : '去连接企业微信'}
        </Button>
      </View>
    </View>
  );
}
