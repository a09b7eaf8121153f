// Signs the owner in with WeChat; the first time, binds their WeChat to their staff account with the invite code the
// shop's WeCom admin gave them.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import * as auth from '@xiaoer/common/api/auth';
import { bindWithInvite, signIn } from '../../services/auth';
import { call } from '../../services/client';
import { signInWithWecom, wecomCorp } from '../../services/wecom-login';

export default function Login() {
  const [step, setStep] = useState<'signing_in' | 'bind' | 'failed'>('signing_in');
  const [ticket, setTicket] = useState('');
  // the invite QR on the owner's staff page opens this page with the code (?invite=): filled in for the member
  const [code, setCode] = useState(() => String(Taro.getCurrentInstance().router?.params?.invite ?? '').slice(0, 16));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  // a fresh start: the tab pages mounted before sign-in (and failed for want of a session) are replaced; a member whose
  // name WeCom withheld gives it first (the staff page's form)
  const home = async () => {
    const me = await call(auth.me).catch(() => null);
    void Taro.reLaunch({ url: me?.nameMissing ? '/pages/setup/staff' : '/pages/home/index' });
  };
  /** The page a WeCom link opened, with its query (a report card names its period), else today. */
  const open = (route: string | null) => (route?.startsWith('/pages/') ? void Taro.reLaunch({ url: route }) : home());
  const start = async () => {
    setStep('signing_in');
    setError('');
    try {
      const corp = wecomCorp();
      if (corp) return open(await signInWithWecom(corp));
      const result = await signIn();
      if (result.status === 'ok') return home();
      setTicket(result.bindTicket);
      setStep('bind');
    } catch (err) {
      setError((err as Error).message);
      setStep('failed');
    }
  };
  // sign in once, on arrival; `start` is re-created every render and a retry calls it directly
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void start(), []);

  const bind = async () => {
    setBusy(true);
    setError('');
    try {
      await bindWithInvite(ticket, code);
      await home();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card" style={{ marginTop: '80px' }}>
        <View className="state-title">小二老板助手</View>
        <View className="muted">看经营、审草稿、收提醒，一个小程序搞定</View>
      </View>
      {step === 'signing_in' && (
        <View className="state">{wecomCorp() ? '正在用企业微信登录…' : '正在用微信登录…'}</View>
      )}
      {step === 'bind' && (
        <View className="card">
          <View className="card-title">第一次使用，请绑定店铺</View>
          <View className="muted">
            请向店里的企业微信管理员要一个邀请码（在小二后台「员工」里生成），24 小时内有效。
          </View>
          <Input
            className="input"
            placeholder="输入 8 位邀请码"
            maxlength={16}
            value={code}
            onInput={(e) => setCode(e.detail.value)}
          />
          {error && <Text className="up">{error}</Text>}
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy || code.trim().length < 6 || undefined} onClick={bind}>
              {busy ? '绑定中…' : '绑定并进入'}
            </Button>
          </View>
        </View>
      )}
      {step === 'failed' && (
        <View className="state" role="alert">
          <View className="state-title">登录没有成功</View>
          <Text>{error}</Text>
          <View className="btn-row" style={{ justifyContent: 'center' }}>
            <Button className="btn btn-ghost" onClick={start}>
              重新登录
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
