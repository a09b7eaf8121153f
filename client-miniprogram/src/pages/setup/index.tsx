// The owner opens the one-time setup link the provider sent: asked how to be called (老板 unless said), the link is
// redeemed, the owner is signed in and lands on the setup checklist. A link that no longer works says why and what
// to do (the provider sends a new one).
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { setupRedeemSchema } from '@xiaoer/common/schemas/operator';
import { useState } from 'react';
import { Field } from '../../components/Field';
import { checkForm, type FieldErrors } from '../../services/form-check';
import { sessionStore } from '../../services/session';
import { linkRefusal, redeemSetupLink, tokenProblem, type LinkRefusal } from '../../services/setup';
import { CHECKLIST_PAGE as CHECKLIST } from '../../services/setup-steps';

export default function SetupLink() {
  const token = useRouter().params.token;
  const problem = tokenProblem(token);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<LinkRefusal | null>(
    problem ? { message: problem, next: 'ask_provider' } : null,
  );
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const checked = checkForm(setupRedeemSchema, { token, ...(name.trim() ? { name } : {}) });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await redeemSetupLink(token!, name);
      void Taro.reLaunch({ url: CHECKLIST });
    } catch (err) {
      setRefusal(linkRefusal(err));
    } finally {
      setBusy(false);
    }
  };

  if (refusal?.next === 'ask_provider')
    return (
      <View className="page">
        <View className="narrow">
          <View className="card" role="alert" style={{ marginTop: '48px' }}>
            <View className="card-title">这个开通链接用不了</View>
            <View className="summary">{refusal.message}</View>
            <View className="muted" style={{ marginTop: '16px' }}>
              请联系服务商重新发送开通链接，收到后直接点开新链接即可。
            </View>
            {sessionStore.get() && (
              <View className="btn-row">
                <Button className="btn btn-ghost" onClick={() => void Taro.reLaunch({ url: CHECKLIST })}>
                  已经开通过？查看开通进度
                </Button>
              </View>
            )}
          </View>
        </View>
      </View>
    );

  return (
    <View className="page">
      <View className="narrow">
        <View className="card" style={{ marginTop: '48px' }}>
          <View className="state-title">欢迎使用小二</View>
          <View className="muted">
            接下来几步：填好店铺信息、连上企业微信、导入菜单，小二就能帮你接待顾客了。随时可以中断，下次接着来。
          </View>
        </View>
        <View className="card">
          <Field label="怎么称呼你？" error={errors.name}>
            <Input
              className="input"
              placeholder="老板"
              maxlength={20}
              value={name}
              onInput={(e) => setName(e.detail.value)}
            />
          </Field>
          {refusal && <Text className="form-error">{refusal.message}</Text>}
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy || undefined} onClick={start}>
              {busy ? '正在开通…' : '开始开通'}
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
