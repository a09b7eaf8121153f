// Where a new 联系我 code goes (table card, receipt, flyer …) and the name that tells it apart: the setup's first code
// and the 联系我 page ask the same.
import { Input, Picker, View } from '@tarojs/components';
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import { PLACES } from '../services/channels-page';
import { Field } from './Field';

const PLACEHOLDERS: Partial<Record<SourceChannel, string>> = {
  table_card: '如 3号桌、大厅桌贴',
  receipt: '如 收银小票',
  flyer: '如 12月地推传单',
  delivery_note: '如 外卖袋便签',
  referral: '如 老客推荐卡',
};

interface Props {
  channel: SourceChannel;
  label: string;
  errors: { channel?: string; label?: string };
  onChannel: (c: SourceChannel) => void;
  onLabel: (label: string) => void;
}

export function CodePlaceFields({ channel, label, errors, onChannel, onLabel }: Props) {
  return (
    <>
      <Field label="放在哪里" error={errors.channel}>
        <Picker
          mode="selector"
          range={PLACES.map((c) => SOURCE_CHANNEL_LABELS[c])}
          value={PLACES.indexOf(channel)}
          onChange={(e) => onChannel(PLACES[Number(e.detail.value)] ?? channel)}
        >
          <View className="picker-value" data-role="channel">{`${SOURCE_CHANNEL_LABELS[channel]} ›`}</View>
        </Picker>
      </Field>
      <Field label="名称（方便你区分）" error={errors.label}>
        <Input
          className="input"
          value={label}
          maxlength={30}
          placeholder={PLACEHOLDERS[channel] ?? '如 门口海报'}
          onInput={(e) => onLabel(e.detail.value)}
        />
      </Field>
    </>
  );
}
