// The first 联系我 code: a QR code customers scan to add the shop on WeCom (their channel remembered, its welcome text
// sent), to save and print for the table, the counter or the parcel.
import { Button, View } from '@tarojs/components';
import * as channels from '@xiaoer/common/api/channels';
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import { channelCodeCreateSchema, type ChannelCodeDto } from '@xiaoer/common/schemas/channel';
import { useState } from 'react';
import { ChannelQr } from '../../components/ChannelQr';
import { CodePlaceFields } from '../../components/CodePlaceFields';
import { FormError } from '../../components/Field';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { call } from '../../services/client';
import { sessionStore } from '../../services/session';

export function ChannelCodeCard({ codes, onCreated }: { codes: ChannelCodeDto[] | Error; onCreated: () => void }) {
  const [channel, setChannel] = useState<SourceChannel>('table_card');
  const [label, setLabel] = useState('门店桌贴');
  const { errors, busy, submit } = useFormSubmit();
  if (codes instanceof Error)
    return (
      <View className="card" id="channel-code">
        <View className="card-title">联系我二维码</View>
        <View className="muted">{`暂时读不到：${codes.message}`}</View>
      </View>
    );
  const [first] = codes;

  const create = () => {
    const me = sessionStore.get()?.staff.id;
    return submit(channelCodeCreateSchema, { channel, label, staffIds: me ? [me] : [] }, async (body) => {
      await call(channels.createChannelCode, { body });
      onCreated();
      return '二维码已生成';
    });
  };

  return (
    <View className="card" id="channel-code">
      <View className="card-title">联系我二维码</View>
      {first ? (
        <ChannelQr
          code={first}
          summary={`${first.label} · ${SOURCE_CHANNEL_LABELS[first.channel]} · 已带来 ${first.adds} 位顾客`}
        >
          <View className="muted">
            打印出来贴在桌上、收银台或随包裹附上，顾客扫码就能加你，并收到这个渠道的欢迎语。
          </View>
        </ChannelQr>
      ) : (
        <View>
          <View className="muted">生成第一个二维码，顾客扫码加你，小二就能记住他从哪里来。</View>
          <CodePlaceFields channel={channel} label={label} errors={errors} onChannel={setChannel} onLabel={setLabel} />
          <FormError error={errors._ ?? errors.staffIds} />
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy || undefined} onClick={create}>
              生成二维码
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
