// Step 3: every check run live against WeCom on request, grouped by the setup's steps, each with its status, what
// was found and, unless it passed, the fix.
import { Button, Text, View } from '@tarojs/components';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import type { WecomSetupCheckDto } from '@xiaoer/common/schemas/wecom-setup';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checksSummary, groupChecks, STATUS_LABELS } from '../../services/wecom-setup-view';

export function ChecksCard({ onChecked }: { onChecked: () => void }) {
  const [checks, setChecks] = useState<WecomSetupCheckDto[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      setChecks((await call(wecomSetup.checks)).checks);
      onChecked();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="wecom-checks">
      <View className="card-title">3. 检查配置</View>
      <View className="muted">在企业微信后台改完后点“检查”，逐项核对并告诉你怎么改。</View>
      {checks && (
        <View>
          <View className="wecom-label" data-role="summary">
            {checksSummary(checks)}
          </View>
          {groupChecks(checks).map((group) => (
            <View key={group.step} data-step={group.step}>
              <View className="wecom-group">
                <Text>{group.title} </Text>
                <Text className={`wecom-status-${group.status}`}>{STATUS_LABELS[group.status]}</Text>
              </View>
              {group.checks.map((c) => (
                <View className="wecom-check" key={c.key} data-check={c.key} data-status={c.status}>
                  <Text className={`wecom-status-${c.status}`}>{`${STATUS_LABELS[c.status]} · `}</Text>
                  <Text>{c.title}</Text>
                  <View className="muted">{c.message}</View>
                  {c.fix && c.status !== 'ok' && <View className="wecom-error">怎么改：{c.fix}</View>}
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={run}>
          {busy ? '检查中…' : checks ? '再检查一次' : '检查'}
        </Button>
      </View>
    </View>
  );
}
