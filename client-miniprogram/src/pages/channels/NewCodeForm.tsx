// A new 联系我 code: where it is put, a name to tell it apart, and the staff it routes customers to (in turn).
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import * as channels from '@xiaoer/common/api/channels';
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import { channelCodeCreateSchema } from '@xiaoer/common/schemas/channel';
import type { StaffDto } from '@xiaoer/common/schemas/staff';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { PLACES } from '../../services/channels-page';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { sessionStore } from '../../services/session';

const LABELS: Partial<Record<SourceChannel, string>> = {
  table_card: '如 3号桌、大厅桌贴',
  receipt: '如 收银小票',
  flyer: '如 12月地推传单',
  delivery_note: '如 外卖袋便签',
  referral: '如 老客推荐卡',
};

export function NewCodeForm({ staff, onCreated }: { staff: StaffDto[]; onCreated: () => Promise<void> }) {
  const me = sessionStore.get()?.staff.id;
  const [channel, setChannel] = useState<SourceChannel>('table_card');
  const [label, setLabel] = useState('');
  const [picked, setPicked] = useState<string[]>(me ? [me] : []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const create = async () => {
    const checked = checkForm(channelCodeCreateSchema, { channel, label, staffIds: picked });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await call(channels.createChannelCode, { body: checked.value });
      toast('二维码已生成', 'success');
      setLabel('');
      await onCreated();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="new-code">
      <View className="card-title">新建二维码</View>
      <Field label="放在哪里" error={errors.channel}>
        <Picker
          mode="selector"
          range={PLACES.map((c) => SOURCE_CHANNEL_LABELS[c])}
          value={PLACES.indexOf(channel)}
          onChange={(e) => setChannel(PLACES[Number(e.detail.value)] ?? channel)}
        >
          <View className="picker-value" data-role="channel">{`${SOURCE_CHANNEL_LABELS[channel]} ›`}</View>
        </Picker>
      </Field>
      <Field label="名称（方便你区分）" error={errors.label}>
        <Input
          className="input"
          value={label}
          maxlength={30}
          placeholder={LABELS[channel] ?? '如 门口海报'}
          onInput={(e) => setLabel(e.detail.value)}
        />
      </Field>
      <Field label="谁来接待（多选时轮流分配）" error={errors.staffIds}>
        <View className="picks">
          {staff.map((s) => (
            <Text
              key={s.id}
              className={`tag ${picked.includes(s.id) ? 'tag-on' : ''}`}
              data-staff={s.name}
              onClick={() => toggle(s.id)}
            >
              {s.name}
            </Text>
          ))}
          {staff.length === 0 && <Text className="muted">由你本人接待</Text>}
        </View>
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void create()}>
          生成二维码
        </Button>
      </View>
    </View>
  );
}
