// A 微信客服 conversation for staff: each message in one line, a location's place, and a picture, voice note or file
// with signed links (to show, to play, to download) or, when it could not be kept, why — in Chinese.
import type { KfMediaDto, KfMessageDto } from '@xiaoer/common/schemas/conversation';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfMediaLinks } from './kf-media-links.js';
import type { KfMediaSummary } from './kf-media.repository.js';
import { KF_MEDIA_MAX_BYTES, mediaOf } from './kf-media.service.js';
import { describeKfMessage, kindLabel, locationOf } from './kf-message-kinds.js';
import type { MessageRecord } from './kf.repository.js';

/** Why staff cannot see what the customer sent, and what to do instead. */
export function mediaProblem(kind: KfMediaDto['kind'], reason = ''): string {
  const what = kindLabel(kind);
  if (reason === 'wecom:40007') return `这条${what}没能从企业微信取回（文件已失效），请让客户重新发一次`;
  if (reason === 'too_large')
    return `这条${what}超过 ${KF_MEDIA_MAX_BYTES[kind] / 1024 / 1024}MB，没有保存，请在企业微信里查看`;
  if (reason === 'unexpected_type') return `这条${what}的格式不对，没有保存，请在企业微信里查看`;
  return `这条${what}没能从企业微信取回，请在企业微信里查看`;
}

function presentMedia(
  merchantId: MerchantId,
  message: MessageRecord,
  media: KfMediaSummary | undefined,
  links: KfMediaLinks,
): KfMediaDto | undefined {
  const carried = mediaOf(message);
  if (!carried) return undefined;
  if (!media) return { kind: carried.kind, status: 'pending', note: '还在从企业微信取回，请稍后刷新' };
  if (media.status === 'failed')
    return { kind: media.kind, status: 'failed', note: mediaProblem(media.kind, media.reason) };
  const id = String(message._id);
  const download = links.url(merchantId, id, 'original');
  const base = { kind: media.kind, status: 'stored' as const, contentType: media.contentType, size: media.size };
  if (media.kind === 'image') return { ...base, viewUrl: download, downloadUrl: download };
  if (media.kind === 'voice')
    return media.playableSize
      ? { ...base, viewUrl: links.url(merchantId, id, 'playable'), downloadUrl: download }
      : {
          ...base,
          downloadUrl: download,
          note: '浏览器播放不了这种语音格式，请下载后用播放器打开，或在企业微信里收听',
        };
  return { ...base, downloadUrl: download };
}

export function presentKfMessage(
  merchantId: MerchantId,
  message: MessageRecord,
  media: KfMediaSummary | undefined,
  links: KfMediaLinks,
): KfMessageDto {
  const location = locationOf(message);
  const shown = presentMedia(merchantId, message, media, links);
  return {
    id: String(message._id),
    direction: message.direction === 'out' ? 'out' : 'in',
    msgtype: message.msgtype,
    text: describeKfMessage(message),
    sentAt: message.sentAt.toISOString(),
    ...(shown && { media: shown }),
    ...(location && { location }),
  };
}
