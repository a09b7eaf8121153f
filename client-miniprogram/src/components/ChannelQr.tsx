// A 联系我 code's QR image with what the owner does with it: save it (a download in the browser, the photo album in
// WeChat) or print it on its own (the browser console). Used by the setup's first code and the 联系我 page.
import { Button, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChannelCodeDto } from '@xiaoer/common/schemas/channel';
import type { PropsWithChildren, ReactNode } from 'react';
import { toast } from './Toast';
import './channel-qr.scss';

type Code = Pick<ChannelCodeDto, 'channel' | 'label' | 'qrCode'>;

/** Saves the QR image: a download in the browser, the phone's photo album in WeChat. */
export async function saveQrImage(code: Code) {
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

/** Prints this code alone, with its name under it, from a page of its own (the console has several codes). */
function printQr(code: Code) {
  const sheet = window.open('', '_blank');
  if (!sheet) return toast('浏览器拦截了打印窗口，请允许弹出窗口后再试');
  const doc = sheet.document;
  doc.title = code.label;
  doc.body.style.cssText = 'text-align:center;font-family:sans-serif;padding-top:48px';
  const img = doc.createElement('img');
  img.src = code.qrCode;
  img.style.cssText = 'width:320px;height:320px';
  const caption = doc.createElement('p');
  caption.textContent = `扫码添加 · ${code.label}`;
  caption.style.fontSize = '20px';
  doc.body.append(img, caption);
  img.onload = () => sheet.print();
}

export function ChannelQr({ code, summary, children }: PropsWithChildren<{ code: Code; summary: ReactNode }>) {
  return (
    <View className="qr-print" data-channel={code.channel}>
      <View className="muted">{summary}</View>
      <View className="qr-frame">
        <Image className="qr-image" src={code.qrCode} style={{ width: '200px', height: '200px' }} />
      </View>
      {children}
      <View className="btn-row">
        <Button className="btn btn-primary" onClick={() => void saveQrImage(code)}>
          保存图片
        </Button>
        {process.env.TARO_ENV === 'h5' && (
          <Button className="btn btn-ghost" onClick={() => printQr(code)}>
            打印
          </Button>
        )}
      </View>
    </View>
  );
}
