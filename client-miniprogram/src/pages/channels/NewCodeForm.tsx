// A new 联系我 code: where it is put, a name to tell it apart, and the staff it routes customers to (in turn).
import { Button, Text, View } from '@tarojs/components';
import * as channels from '@xiaoer/common/api/channels';
import type { SourceChannel } from '@xiaoer/common/constants/customer';
import { channelCodeCreateSchema } from '@xiaoer/common/schemas/channel';
import type { StaffDto } from '@xiaoer/common/schemas/staff';
import { useState } from 'react';
import { CodePlaceFields } from '../../components/CodePlaceFields';
import { Field, FormError } from '../../components/Field';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { sessionStore } from '../../services/session';

export function NewCodeForm({ staff, onCreated }: { staff: StaffDto[]; onCreated: () => Promise<void> }) {
  const me = sessionStore.get()?.staff.id;
  const [channel, setChannel] = useState<SourceChannel>('table_card');
  const [label, setLabel] = useState('');
  const [picked, setPicked] = useState<string[]>(me ? [me] : []);
  const { errors, busy, submit } = useFormSubmit();
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const create = () =>
    submit(channelCodeCreateSchema, { channel, label, staffIds: picked }, async (body) => {
      await call(channels.createChannelCode, { body });
      toast('二维码已生成', 'success');
      setLabel('');
      await onCreated();
    });

  return (
    <View className="card" id="new-code">
      <View className="card-title">新建二维码</View>
      <CodePlaceFields channel={channel} label={label} errors={errors} onChannel={setChannel} onLabel={setLabel} />
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
