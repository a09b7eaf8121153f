// A freshly issued setup link: shown this once (only its hash is kept), with a copy button.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SetupLinkDto } from '@xiaoer/common/schemas/operator';
import { toast } from '../../components/Toast';
import { shortTime } from '../../services/format';

export function LinkOnce({ link }: { link: SetupLinkDto }) {
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: link.url });
      toast('已复制，发给老板即可', 'success');
    } catch {
      toast('没能复制，请长按链接手动复制');
    }
  };
  return (
    <View className="link-once" data-role="setup-link">
      <Text className="strong">开通链接（只显示这一次）</Text>
      <View className="setup-link">{link.url}</View>
      <View className="muted">{`${shortTime(link.expiresAt)} 前有效，只能用一次。发给老板，在手机上打开即可开通。`}</View>
      <View className="btn-row">
        <Button className="btn btn-primary" onClick={copy}>
          复制链接
        </Button>
      </View>
    </View>
  );
}
