// Way 2 (服务商代开发): the owner makes an authorisation link, the shop's WeCom admin opens it (or scans its QR code
// from this screen) and authorises 小二 — the app is then filled in by itself, no ID or Secret to copy. The page
// polls while the link is out; a refusal (the corp already connected elsewhere, a dead code) says what to do.
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import type { WecomAgencyLinkDto, WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { agencyState } from '../../services/wecom-setup-view';

export function AgencyCard({ setup, onChanged }: { setup: WecomSetupDto; onChanged: () => void }) {
  const state = agencyState(setup);
  const [link, setLink] = useState<WecomAgencyLinkDto | null>(null);
  const [busy, setBusy] = useState(false);
  // why a link could not be made (no ticket from WeCom yet, WeCom unreachable): it stays until the next try
  const [error, setError] = useState<string | null>(null);

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setLink(await call(wecomSetup.agencyLink));
      onChanged(); // the page starts polling for the admin's scan
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const copy = () =>
    link &&
    Taro.setClipboardData({ data: link.url }).then(
      () => toast('已复制授权链接，发给企业微信管理员', 'success'),
      () => toast('复制失败，请长按手动复制'),
    );

  return (
    <View className="card" id="wecom-agency">
      <View className="card-title">扫码授权小二</View>
      {state.connected ? (
        <View className="wecom-status-ok" id="wecom-agency-status" role="status">
          ✓ {state.text}
        </View>
      ) : (
        <>
          <View className="muted">
            请企业微信的管理员扫码，在授权页面点“同意”，小二会自动完成连接，不用抄写任何密钥。
          </View>
          {(error ?? state.problem) && (
            <Text className="wecom-error" id="wecom-agency-problem">
              {error ?? state.problem}
            </Text>
          )}
          {link && state.waiting && (
            <View className="wecom-paste" id="wecom-agency-link">
              <Image className="wecom-qr" src={link.qrImage} mode="aspectFit" />
              <View className="row" style={{ justifyContent: 'space-between' }}>
                <Text>授权链接</Text>
                <Text className="tag tag-on" onClick={() => void copy()}>
                  复制
                </Text>
              </View>
              <View className="wecom-value">{link.url}</View>
              <View className="muted">
                {new Date(link.expiresAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })} 前有效
              </View>
            </View>
          )}
          <View className={state.waiting ? 'wecom-status-waiting' : 'muted'} id="wecom-agency-status" role="status">
            {state.text}
          </View>
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy || undefined} onClick={make}>
              {busy ? '正在生成…' : link && state.waiting ? '重新生成二维码' : '生成授权二维码'}
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
