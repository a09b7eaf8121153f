// One 联系我 code: its QR to save or print, who it routes to, the customers it brought week by week, and the welcome its
// channel sends (its own or the default), edited in place by managers and owners.
import { Button, Text, Textarea, View } from '@tarojs/components';
import * as templateApi from '@xiaoer/common/api/knowledge-template';
import { SOURCE_CHANNEL_LABELS } from '@xiaoer/common/constants/customer';
import type { ChannelCodeDto } from '@xiaoer/common/schemas/channel';
import { welcomeTextsSchema, type WelcomeText } from '@xiaoer/common/schemas/knowledge-template';
import type { StaffDto } from '@xiaoer/common/schemas/staff';
import { useState } from 'react';
import { ChannelQr } from '../../components/ChannelQr';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { total, weekLabel, welcomeOf, withWelcome } from '../../services/channels-page';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';

interface Props {
  code: ChannelCodeDto;
  weeks: string[];
  counts: number[];
  staff: StaffDto[];
  welcomes: WelcomeText[] | Error;
  canEdit: boolean;
  onSaved: () => Promise<void>;
}

export function CodeCard({ code, weeks, counts, staff, welcomes, canEdit, onSaved }: Props) {
  const names = code.staffIds.map((id) => staff.find((s) => s.id === id)?.name).filter(Boolean);
  const thisWeek = counts.at(-1) ?? 0;
  return (
    <View className="card" data-code={code.label}>
      <ChannelQr
        code={code}
        summary={`${code.label} · ${SOURCE_CHANNEL_LABELS[code.channel]} · 共带来 ${code.adds} 位，本周 ${thisWeek} 位`}
      >
        {names.length > 0 && <View className="muted">{`接待：${names.join('、')}`}</View>}
        {total(counts) > 0 && (
          <View className="code-weeks">
            {weeks.map((w, i) => (counts[i] ? <Text key={w}>{`${weekLabel(w)}周 ${counts[i]} 位`}</Text> : null))}
          </View>
        )}
      </ChannelQr>
      <Welcome code={code} welcomes={welcomes} canEdit={canEdit} onSaved={onSaved} />
    </View>
  );
}

function Welcome({ code, welcomes, canEdit, onSaved }: Omit<Props, 'weeks' | 'counts' | 'staff'>) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const channel = SOURCE_CHANNEL_LABELS[code.channel];
  if (welcomes instanceof Error)
    return <View className="code-welcome muted">{`欢迎语暂时读不到：${welcomes.message}`}</View>;
  const current = welcomeOf(welcomes, code.channel);

  const save = async () => {
    const next = withWelcome(welcomes, code.channel, text);
    const checked = checkForm(welcomeTextsSchema, { items: next });
    if (!checked.ok) {
      const index = next.findIndex((w) => w.channel === code.channel);
      return setErrors({ text: checked.errors[`items.${index}.text`] ?? checked.errors._ ?? '请检查欢迎语' });
    }
    setBusy(true);
    try {
      await call(templateApi.saveWelcomeTexts, { body: checked.value });
      toast('欢迎语已保存', 'success');
      setEditing(false);
      await onSaved();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (editing)
    return (
      <View className="code-welcome">
        <Field label={`「${channel}」的欢迎语（同渠道的码共用）`} error={errors.text}>
          <Textarea className="textarea" value={text} maxlength={500} onInput={(e) => setText(e.detail.value)} />
        </Field>
        <View className="muted">
          {'{客户称呼}'}和{'{店名}'}发送时自动换成真实的。
        </View>
        <FormError error={errors._} />
        <View className="btn-row">
          <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void save()}>
            保存
          </Button>
          <Button className="btn btn-ghost" onClick={() => setEditing(false)}>
            取消
          </Button>
        </View>
      </View>
    );

  return (
    <View className="code-welcome" data-welcome={code.channel}>
      <View className="code-welcome-head">
        <Text className="strong">{current?.own === false ? '欢迎语（用的默认）' : '欢迎语'}</Text>
        {canEdit && (
          <Text
            className="tag tag-on"
            onClick={() => {
              setText(current?.text ?? '');
              setErrors({});
              setEditing(true);
            }}
          >
            修改
          </Text>
        )}
      </View>
      <View className="code-welcome-text">{current?.text ?? '还没有欢迎语，顾客扫码后不会收到问候。'}</View>
    </View>
  );
}
