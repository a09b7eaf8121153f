// The owner connects the shop's self-built WeCom app (seed 001's SOP, way 1): the app's credentials, what to paste
// where with WeCom's verification noticed live, the checks with their fixes, and the 微信客服 accounts to serve.
import { View } from '@tarojs/components';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import type { WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { useEffect, useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { callbackState } from '../../services/wecom-setup-view';
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
  useEffect(() => {
    if (loaded.data) setSetup(loaded.data);
  }, [loaded.data]);

  const poll = setup ? callbackState(setup).poll : false;
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
      <AppForm setup={setup} onSaved={setSetup} />
      {setup.app && <PasteCard setup={setup} onChanged={setSetup} />}
      {/* checks run before a change of the served 微信客服 accounts would be stale: they are cleared */}
      {setup.app && <ChecksCard key={setup.kfAccounts.map((k) => k.openKfId).join()} onChecked={refresh} />}
      {setup.app && <KfCard onSaved={setSetup} />}
    </View>
  );
}
