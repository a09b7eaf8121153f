// The first 联系我 code: a QR code customers scan to add the shop on WeCom (their channel remembered, its welcome text
// sent), to save and print for the table, the counter or the parcel.
import { Button, Image, Input, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as channels from '@xiaoer/common/api/channels';
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import { channelCodeCreateSchema, type ChannelCodeDto } from '@xiaoer/common/schemas/channel';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { sessionStore } from '../../services/session';

/** Where a shop puts its first code. */
const PRINTED: SourceChannel[] = ['table_card', 'receipt', 'flyer', 'delivery_note', 'referral'];

/** Saves the QR image: a download in the browser, the phone's photo album in WeChat. */
async function saveImage(code: ChannelCodeDto) {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = code.qrCode;
    a.download = `${code.label}.png`;
    a.target = '_blank';
    a.click();
    return;
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url: code.qrCode });
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    toast('已保存到相册', 'success');
  } catch {
    void Taro.previewImage({ urls: [code.qrCode] }); // long-press to save
  }
}

export function ChannelCodeCard({ codes, onCreated }: { codes: ChannelCodeDto[] | Error; onCreated: () => void }) {
  const [channel, setChannel] = useState<SourceChannel>('table_card');
  const [label, setLabel] = useState('门店桌贴');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  if (codes instanceof Error)
    return (
      <View className="card" id="channel-code">
        <View className="card-title">联系我二维码</View>
        <View className="muted">{`暂时读不到：${codes.message}`}</View>
      </View>
    );
  const [first] = codes;

  const create = async () => {
    const me = sessionStore.get()?.staff.id;
    const checked = checkForm(channelCodeCreateSchema, { channel, label, staffIds: me ? [me] : [] });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await call(channels.createChannelCode, { body: checked.value });
      toast('二维码已生成', 'success');
      onCreated();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="channel-code">
      <View className="card-title">联系我二维码</View>
      {first ? (
        <View className="qr-print" data-channel={first.channel}>
          <View className="muted">{`${first.label} · ${SOURCE_CHANNEL_LABELS[first.channel]} · 已带来 ${first.adds} 位顾客`}</View>
          <View className="qr-frame">
            <Image className="qr-image" src={first.qrCode} style={{ width: '200px', height: '200px' }} />
          </View>
          <View className="muted">
            打印出来贴在桌上、收银台或随包裹附上，顾客扫码就能加你，并收到这个渠道的欢迎语。
          </View>
          <View className="btn-row">
            <Button className="btn btn-primary" onClick={() => void saveImage(first)}>
              保存图片
            </Button>
            {process.env.TARO_ENV === 'h5' && (
              <Button className="btn btn-ghost" onClick={() => window.print()}>
                打印
              </Button>
            )}
          </View>
        </View>
      ) : (
        <View>
          <View className="muted">生成第一个二维码，顾客扫码加你，小二就能记住他从哪里来。</View>
          <Field label="放在哪里" error={errors.channel}>
            <Picker
              mode="selector"
              range={PRINTED.map((c) => SOURCE_CHANNEL_LABELS[c])}
              value={PRINTED.indexOf(channel)}
              onChange={(e) => setChannel(PRINTED[Number(e.detail.value)] ?? channel)}
            >
              <View className="picker-value" data-role="channel">{`${SOURCE_CHANNEL_LABELS[channel]} ›`}</View>
            </Picker>
          </Field>
          <Field label="名称（方便你区分）" error={errors.label}>
            <Input className="input" value={label} maxlength={30} onInput={(e) => setLabel(e.detail.value)} />
          </Field>
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
