// Step 2: what to paste where in the WeCom admin console, each with a copy button, and WeCom's verification of the
// callback URL as it arrives (the page polls while it waits). New keys only after the owner confirms: WeCom must
// then verify the URL again.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import type { WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { callbackState, pasteItems } from '../../services/wecom-setup-view';

export function PasteCard({ setup, onChanged }: { setup: WecomSetupDto; onChanged: (s: WecomSetupDto) => void }) {
  const state = callbackState(setup);
  const copy = (label: string, data: string) =>
    Taro.setClipboardData({ data }).then(
      () => toast(`已复制${label}`, 'success'),
      () => toast('复制失败，请长按手动复制'),
    );

  const regenerate = async () => {
    const { confirm } = await Taro.showModal({
      title: '重新生成 Token 和 EncodingAESKey？',
      content: '旧的立即失效，需要到企业微信 接收消息 里重新填写并保存',
    });
    if (!confirm) return;
    try {
      onChanged(await call(wecomSetup.regenerateCallbackKeys));
      toast('已生成新的密钥，请重新填写', 'success');
    } catch (err) {
      toast((err as Error).message);
    }
  };

  return (
    <View className="card" id="wecom-paste">
      <View className="card-title">2. 填到企业微信管理后台</View>
      {pasteItems(setup).map((item) => (
        <View className="wecom-paste" key={item.key} data-paste={item.key}>
          <View className="row" style={{ justifyContent: 'space-between' }}>
            <Text>{item.label}</Text>
            {item.value && (
              <Text className="tag tag-on" onClick={() => void copy(item.label, item.value!)}>
                复制
              </Text>
            )}
          </View>
          <View className="muted">{item.where}</View>
          {item.value ? (
            <View className="wecom-value">{item.value}</View>
          ) : (
            <View className="wecom-error">{item.note}</View>
          )}
        </View>
      ))}
      <View className="wecom-paste" id="wecom-callback-status" role="status">
        <Text className={state.verified ? 'wecom-status-ok' : 'wecom-status-waiting'}>
          {state.verified ? `✓ ${state.text}` : state.text}
        </Text>
        {setup.callback.lastEventAt && (
          <Text className="muted" style={{ display: 'block' }}>
            最近收到企业微信的消息：{new Date(setup.callback.lastEventAt).toLocaleString('zh-CN')}
          </Text>
        )}
      </View>
      <View className="btn-row">
        <Button className="btn btn-ghost" onClick={regenerate}>
          重新生成密钥
        </Button>
      </View>
    </View>
  );
}
