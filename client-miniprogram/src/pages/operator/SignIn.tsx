// The operator's own sign-in (not a merchant's: the token is kept apart from any owner's session).
import { Button, Input, View } from '@tarojs/components';
import { operatorLoginSchema } from '@xiaoer/common/schemas/operator';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { operatorSignIn } from '../../services/operator';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [form, setForm] = useState({ login: '', password: '' });
  const { errors, busy, submit: send } = useFormSubmit();
  const submit = () =>
    send(operatorLoginSchema, form, async ({ login, password }) => {
      await operatorSignIn(login, password);
      onSignedIn();
    });
  return (
    <View className="narrow">
      <View className="card" style={{ marginTop: '48px' }}>
        <View className="state-title">小二服务商后台</View>
        <View className="muted">开通商户、发开通链接、看每家店的开通进度和运行情况。</View>
      </View>
      <View className="card">
        <Field label="登录名" error={errors.login}>
          <Input
            className="input"
            value={form.login}
            onInput={(e) => setForm((f) => ({ ...f, login: e.detail.value }))}
          />
        </Field>
        <Field label="密码" error={errors.password}>
          <Input
            className="input"
            password
            value={form.password}
            onInput={(e) => setForm((f) => ({ ...f, password: e.detail.value }))}
            onConfirm={submit}
          />
        </Field>
        <FormError error={errors._} />
        <View className="btn-row">
          <Button className="btn btn-primary" disabled={busy || undefined} onClick={submit}>
            {busy ? '登录中…' : '登录'}
          </Button>
        </View>
      </View>
    </View>
  );
}
