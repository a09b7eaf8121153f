// The welcome texts a new customer receives, per 联系我 channel ({客户称呼} and {店名} filled when sent).
import { Button, Text, Textarea, View } from '@tarojs/components';
import * as templateApi from '@xiaoer/common/api/knowledge-template';
import { SOURCE_CHANNEL_LABELS } from '@xiaoer/common/constants/customer';
import { welcomeTextsSchema, type WelcomeText } from '@xiaoer/common/schemas/knowledge-template';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';

const channelName = (c: WelcomeText['channel']) => (c === 'default' ? '默认（其他渠道）' : SOURCE_CHANNEL_LABELS[c]);

export function WelcomeTextsCard({ items, onSaved }: { items: WelcomeText[] | Error; onSaved: () => void }) {
  const [editing, setEditing] = useState<WelcomeText['channel'] | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  if (items instanceof Error)
    return (
      <View className="card" id="welcomes">
        <View className="card-title">欢迎语</View>
        <View className="muted">{`暂时读不到欢迎语：${items.message}`}</View>
      </View>
    );

  const save = async () => {
    const next = items.map((w) => (w.channel === editing ? { ...w, text } : w));
    const checked = checkForm(welcomeTextsSchema, { items: next });
    if (!checked.ok) {
      const index = next.findIndex((w) => w.channel === editing);
      return setErrors({ text: checked.errors[`items.${index}.text`] ?? checked.errors._ ?? '请检查欢迎语' });
    }
    setBusy(true);
    try {
      await call(templateApi.saveWelcomeTexts, { body: checked.value });
      toast('欢迎语已保存', 'success');
      setEditing(null);
      onSaved();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="welcomes">
      <View className="card-title">{`欢迎语（${items.length}）`}</View>
      <View className="muted">
        顾客扫不同的码加你，收到对应渠道的欢迎语；{'{客户称呼}'}和{'{店名}'}发送时自动换成真实的。
      </View>
      {items.length === 0 && <View className="muted">连接企业微信后套用模板，就会有各渠道的欢迎语。</View>}
      {items.map((w) =>
        editing === w.channel ? (
          <View key={w.channel} className="starter starter-editing">
            <Field label={channelName(w.channel)} error={errors.text}>
              <Textarea className="textarea" value={text} maxlength={500} onInput={(e) => setText(e.detail.value)} />
            </Field>
            <FormError error={errors._} />
            <View className="btn-row">
              <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
                保存
              </Button>
              <Button className="btn btn-ghost" onClick={() => setEditing(null)}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <View key={w.channel} className="starter" data-welcome={w.channel}>
            <View className="starter-head">
              <Text className="strong">{channelName(w.channel)}</Text>
              <Text
                className="tag tag-on"
                onClick={() => {
                  setEditing(w.channel);
                  setText(w.text);
                  setErrors({});
                }}
              >
                修改
              </Text>
            </View>
            <View className="starter-body">{w.text}</View>
          </View>
        ),
      )}
    </View>
  );
}
