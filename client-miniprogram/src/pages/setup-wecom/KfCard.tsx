// Step 4: the corp's 微信客服 accounts (WeCom's kf/account/list) to choose which the bot serves; an account the app
// may not manage cannot be chosen and says why; if the list cannot be read, what to fix.
import { Button, Text, View } from '@tarojs/components';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import type { WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { useEffect, useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { kfChoices, toggleKf } from '../../services/wecom-setup-view';

export function KfCard({ onSaved }: { onSaved: (s: WecomSetupDto) => void }) {
  const { data, error, loading, reload } = useAsync(() => call(wecomSetup.kfAccounts));
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (data) setChosen(data.accounts.filter((a) => a.served).map((a) => a.openKfId));
  }, [data]);

  const save = async () => {
    setBusy(true);
    try {
      onSaved(await call(wecomSetup.chooseKfAccounts, { body: { openKfIds: chosen } }));
      toast(chosen.length ? '已保存，小二会接待这些客服账号' : '已保存，小二不接待任何客服账号', 'success');
      await reload();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const choices = data ? kfChoices(data.accounts) : [];
  return (
    <View className="card" id="wecom-kf">
      <View className="card-title">4. 选择微信客服账号</View>
      <View className="muted">勾选由小二自动接待的微信客服账号。</View>
      {error && !data && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {data?.problem && (
        <View className="wecom-check">
          <Text className="wecom-status-failed">{data.problem.message}</Text>
          <Text className="wecom-error">怎么改：{data.problem.fix}</Text>
        </View>
      )}
      {data && !data.problem && !choices.length && <View className="muted">企业里还没有微信客服账号</View>}
      {choices.map((c) => {
        const on = chosen.includes(c.openKfId);
        return (
          <View
            key={c.openKfId}
            className={`wecom-kf${c.disabled ? ' wecom-kf-disabled' : ''}`}
            role="checkbox"
            aria-checked={on}
            aria-disabled={c.disabled}
            aria-label={c.name}
            data-kf={c.openKfId}
            onClick={() => setChosen(toggleKf(chosen, c))}
          >
            <Text className={`wecom-box${on ? ' wecom-box-on' : ''}`}>{on ? '✓' : ''}</Text>
            <View>
              <Text>{c.name}</Text>
              {c.reason && (
                <Text className="muted" style={{ display: 'block' }}>
                  {c.reason}
                </Text>
              )}
            </View>
          </View>
        );
      })}
      <View className="btn-row">
        <Button className="btn btn-ghost" disabled={loading || undefined} onClick={() => void reload()}>
          刷新
        </Button>
        <Button className="btn btn-primary" disabled={busy || !data || undefined} onClick={save}>
          保存选择
        </Button>
      </View>
    </View>
  );
}
