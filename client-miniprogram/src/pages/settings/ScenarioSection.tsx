// Which proactive scenarios run, their knobs, auto-send for the trusted ones, the contact policy and an industry
// template to start over from.
import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { SCENARIO_KEYS, SCENARIOS, type ScenarioKey } from '@xiaoer/common/constants/scenarios';
import * as outreach from '@xiaoer/common/api/outreach';
import { INDUSTRIES, type Industry } from '@xiaoer/common/constants/industries';
import {
  resolveOutreachSettings,
  type OutreachSettings,
  type OutreachSettingsInput,
} from '@xiaoer/common/schemas/merchant';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { PARAM_LABELS, withParam } from './scenario-params';

const AUDIENCE = { customer: '发给客户（草稿需你审核）', owner: '提醒你', report: '经营报表' } as const;

export function ScenarioSection({ initial, industry }: { initial: OutreachSettings; industry: Industry }) {
  const [settings, setSettings] = useState(initial);
  const [busy, setBusy] = useState(false);
  const put = (key: ScenarioKey, patch: Record<string, unknown>) =>
    setSettings({ ...settings, scenarios: { ...settings.scenarios, [key]: { ...settings.scenarios[key], ...patch } } });

  // the server answers with every knob filled in; resolving it again only restores the precise type
  const save = async (saving: () => Promise<OutreachSettingsInput>) => {
    setBusy(true);
    try {
      setSettings(resolveOutreachSettings(await saving(), industry));
      toast('已保存', 'success');
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      {(['customer', 'owner', 'report'] as const).map((audience) => (
        <View className="card" key={audience}>
          <View className="card-title">{AUDIENCE[audience]}</View>
          {SCENARIO_KEYS.filter((k) => SCENARIOS[k].audience === audience).map((key) => {
            const s = settings.scenarios[key] as Record<string, unknown> & { enabled: boolean; autoSend?: boolean };
            return (
              <View key={key} className="list-item" data-scenario={key}>
                <View className="row">
                  <Text>{SCENARIOS[key].name}</Text>
                  <Switch checked={s.enabled} color="#07c160" onChange={(e) => put(key, { enabled: e.detail.value })} />
                </View>
                {s.enabled &&
                  Object.entries(s)
                    .filter(([k]) => PARAM_LABELS[k])
                    .map(([param, value]) => (
                      <View className="row" key={param} style={{ marginTop: '8px' }}>
                        <Text className="muted">{PARAM_LABELS[param]}</Text>
                        <Input
                          className="input"
                          style={{ width: '160px', margin: 0, padding: '8px 12px' }}
                          value={value === null ? '' : String(value)}
                          placeholder="行业默认"
                          onBlur={(e) => put(key, withParam(param, e.detail.value))}
                        />
                      </View>
                    ))}
                {s.enabled && s.autoSend !== undefined && (
                  <View className="row" style={{ marginTop: '8px' }}>
                    <Text className="muted">不用审核，自动发送</Text>
                    <Switch
                      checked={s.autoSend}
                      color="#07c160"
                      onChange={(e) => put(key, { autoSend: e.detail.value })}
                    />
                  </View>
                )}
              </View>
            );
          })}
        </View>
      ))}
      <View className="card">
        <View className="card-title">打扰规则</View>
        <View className="field">
          <Text>免打扰时段</Text>
          <View className="row" style={{ gap: '8px' }}>
            <Picker
              mode="time"
              value={settings.policy.quietStart}
              onChange={(e) => setSettings({ ...settings, policy: { ...settings.policy, quietStart: e.detail.value } })}
            >
              <Text className="tag">{settings.policy.quietStart}</Text>
            </Picker>
            <Text className="muted">至</Text>
            <Picker
              mode="time"
              value={settings.policy.quietEnd}
              onChange={(e) => setSettings({ ...settings, policy: { ...settings.policy, quietEnd: e.detail.value } })}
            >
              <Text className="tag">{settings.policy.quietEnd}</Text>
            </Picker>
          </View>
        </View>
        <View className="field">
          <Text>每位客户每周最多</Text>
          <Input
            className="input"
            style={{ width: '120px', margin: 0, padding: '8px 12px' }}
            type="number"
            value={String(settings.policy.perWeek)}
            onBlur={(e) =>
              setSettings({ ...settings, policy: { ...settings.policy, perWeek: Number(e.detail.value) || 0 } })
            }
          />
        </View>
        <View className="field">
          <Text>每天几点写草稿</Text>
          <Picker
            mode="time"
            value={settings.runAt}
            onChange={(e) => setSettings({ ...settings, runAt: e.detail.value })}
          >
            <Text className="tag">{settings.runAt}</Text>
          </Picker>
        </View>
        <View className="btn-row">
          <Button
            className="btn btn-primary"
            disabled={busy || undefined}
            onClick={() => save(() => call(outreach.saveSettings, { body: settings }))}
          >
            保存场景设置
          </Button>
          <Picker
            mode="selector"
            range={[...INDUSTRIES]}
            onChange={(e) =>
              save(() => call(outreach.applyTemplate, { body: { industry: INDUSTRIES[Number(e.detail.value)]! } }))
            }
          >
            <Button className="btn btn-ghost" disabled={busy || undefined}>
              按行业模板重置
            </Button>
          </Picker>
        </View>
      </View>
    </View>
  );
}
