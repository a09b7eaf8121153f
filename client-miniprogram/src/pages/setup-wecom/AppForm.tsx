// Step 1: the corp ID, AgentId and Secret, checked with the server's own schema before sending; WeCom's refusal of
// a credential comes back under its field. Once saved the Secret is never shown again: leaving it empty keeps it.
import { Button, Input, Text, View } from '@tarojs/components';
import * as wecomSetup from '@xiaoer/common/api/wecom-setup';
import { wecomAppCredentialsSchema, type WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { appInput } from '../../services/wecom-setup-view';

export function AppForm({ setup, onSaved }: { setup: WecomSetupDto; onSaved: (s: WecomSetupDto) => void }) {
  const { app } = setup;
  const [form, setForm] = useState({ corpId: app?.corpId ?? '', agentId: app ? String(app.agentId) : '', secret: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.detail.value }));

  const save = async () => {
    const checked = checkForm(wecomAppCredentialsSchema, appInput(form));
    if (!checked.ok) return setErrors(checked.errors);
    if (!app && !checked.value.secret) return setErrors({ secret: '请填写 Secret' });
    setErrors({});
    setBusy(true);
    try {
      const saved = await call(wecomSetup.saveApp, { body: checked.value });
      setForm((f) => ({ ...f, secret: '' }));
      toast('已保存，企业微信认可了这组信息', 'success');
      onSaved(saved);
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof form, label: string, props: { placeholder: string; password?: boolean }) => (
    <View data-field={key}>
      <Text className="wecom-label">{label}</Text>
      <Input
        className="input"
        value={form[key]}
        password={props.password}
        type={key === 'agentId' ? 'number' : 'text'}
        placeholder={props.placeholder}
        onInput={set(key)}
      />
      {errors[key] && <Text className="wecom-error">{errors[key]}</Text>}
    </View>
  );

  return (
    <View className="card" id="wecom-app">
      <View className="card-title">1. 应用信息</View>
      <View className="muted">在企业微信管理后台创建自建应用“小二”后，把下面三项抄过来。</View>
      {field('corpId', '企业ID', { placeholder: '我的企业 → 企业信息 → 企业ID（ww开头）' })}
      {field('agentId', 'AgentId', { placeholder: '应用管理 → 小二 → AgentId' })}
      {field('secret', 'Secret', {
        placeholder: app ? `已保存 ${app.secretHint}，不改请留空` : '应用管理 → 小二 → Secret → 查看',
        password: true,
      })}
      {errors._ && <Text className="wecom-error">{errors._}</Text>}
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          {busy ? '正在向企业微信核对…' : app ? '保存修改' : '保存并生成回调密钥'}
        </Button>
      </View>
    </View>
  );
}
