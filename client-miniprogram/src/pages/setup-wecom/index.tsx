// The owner connects the shop's WeCom: way 1, the self-built app (seed 001's SOP: the app's credentials, what to paste
// where with WeCom's verification noticed live), or way 2, 服务商代开发 (the admin scans and authorises, nothing to
// copy); then the checks with their fixes, and the 微信客服 accounts to serve.
import { View } from '@tarojs/components';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import type { WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { useEffect, useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { agencyState, callbackState, initialWay, type WecomWay } from '../../services/wecom-setup-view';
import { AgencyCard } from './AgencyCard';
import { AppForm } from './AppForm';
import { ChecksCard } from './ChecksCard';
import { KfCard } from './KfCard';
import { PasteCard } from './PasteCard';
import './index.scss';

/** How often the page asks whether WeCom's verification request has arrived (a cheap read, no WeCom call). */
const POLL_MS = 3000;

export default function SetupWecom() {
  const loaded = useAsync(() => call(wecomSetup.setup));
  const [setup, setSetup] = useState<WecomSetupDto | undefined>();
  const [way, setWay] = useState<WecomWay | undefined>();
  useEffect(() => {
    if (loaded.data) setSetup(loaded.data);
  }, [loaded.data]);

  // polls while WeCom's verification of the callback URL (way 1) or the admin's scan (way 2) is awaited
  const poll = setup ? callbackState(setup).poll || agencyState(setup).waiting : false;
  useEffect(() => {
    if (!poll) return;
    const timer = setInterval(() => {
      call(wecomSetup.setup).then(setSetup, () => undefined); // a missed poll is retried on the next tick
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  if (loaded.error && !setup)
    return (
      <View className="page">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </View>
    );
  if (!setup) return <View className="page">{loaded.loading && <Loading />}</View>;
  const refresh = () => void call(wecomSetup.setup).then(setSetup, () => undefined);
  const chosen = way ?? initialWay(setup);
  // the way can be chosen until an app is connected (a cancelled authorisation may be replaced by way 1)
  const choosing = setup.agency.available && (!setup.app || (setup.app.mode === 'agency' && !!setup.app.disabledAt));
  const agency = chosen === 'agency' && setup.agency.available;
  const wayOption = (value: WecomWay, title: string, note: string) => (
    <View
      className={`wecom-way-option${chosen === value ? ' wecom-way-on' : ''}`}
      data-way={value}
      onClick={() => setWay(value)}
    >
      <View>{title}</View>
      <View className="muted">{note}</View>
    </View>
  );
  return (
    <View className="page wecom-page">
      <View className="card" id="wecom-steps">
        <View className="card-title">连接企业微信</View>
        {setup.steps.map((s) => (
          <View className="wecom-paste" key={s.key} data-step={s.key}>
            <View>{s.title}</View>
            <View className={s.done ? 'wecom-status-ok wecom-small' : 'muted'}>
              {s.done ? `✓ ${s.message}` : s.message}
            </View>
          </View>
        ))}
      </View>
      {choosing && (
        <View className="card" id="wecom-way">
          <View className="card-title">连接方式</View>
          <View className="wecom-way">
            {wayOption('agency', '方式二：扫码授权', '推荐：管理员扫码同意即可，几分钟连好')}
            {wayOption('self_built', '方式一：自建应用', '在企业微信后台自己创建应用，抄写三项信息')}
          </View>
        </View>
      )}
      {agency ? (
        <AgencyCard setup={setup} onChanged={refresh} />
      ) : (
        <>
          <AppForm setup={setup} onSaved={setSetup} />
          {setup.app && <PasteCard setup={setup} onChanged={setSetup} />}
        </>
      )}
      {/* checks run before a change of the served 微信客服 accounts would be stale: they are cleared */}
      {setup.app && <ChecksCard key={setup.kfAccounts.map((k) => k.openKfId).join()} onChecked={refresh} />}
      {setup.app && !setup.app.disabledAt && <KfCard onSaved={setSetup} />}
    </View>
  );
}
