// Every kind of 微信客服 message gets a response when the bot is on duty. A location is answered with the nearest
// shop; a voice note or a picture is read by the merchant's LLM where its settings offer speech recognition or
// vision, and the words then go the normal way (engine, guardrails, send or hand over); everything else — and all
// of these when they cannot be understood — is acknowledged in one line and handed to staff, who see what arrived
// (the picture, the voice to play) in the sidebar's conversation.
import type { Logger } from '../../logging/logger.js';
import { mediaProblem } from '../conversations/kf-conversation.presenter.js';
import type { KfMediaService } from '../conversations/kf-media.service.js';
import { kindLabel, locationOf } from '../conversations/kf-message-kinds.js';
import type { MessageRecord } from '../conversations/kf.repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { NOTHING_ASKED, type MediaRecognition } from './media-recognition.js';
import { describeNearest, nearestShop } from './nearest-shop.js';

export type MediaOutcome =
  /** what the customer said or the picture asks, in words: answered like any question */
  | { kind: 'question'; text: string; via: 'speech' | 'vision' }
  /** answered from the shop's data (a location: the nearest shop) */
  | { kind: 'answer'; text: string; citedIds: string[]; reason: string }
  /** acknowledged in one line, then a person takes over; `why` (media:<kind>[:<problem>]) tells staff what came */
  | { kind: 'handoff'; ack: string; why: string };

/** The one line a customer hears for what the bot cannot read: 收到您的语音啦，店员看到后马上回复您～ */
export const mediaAck = (msgtype: string) => `收到您的${kindLabel(msgtype)}啦，店员看到后马上回复您～`;

/** For staff (the handoff notification): what arrived and where to see it, or why it cannot be seen. */
export function describeMediaWhy(why: string): string {
  const [, msgtype = '', ...rest] = why.split(':');
  const problem = rest.join(':');
  const what = kindLabel(msgtype);
  if (msgtype === 'location') return '客户发来位置，没找到对应的门店，请告诉客户怎么到店';
  if (problem && (['image', 'voice', 'video', 'file'] as string[]).includes(msgtype))
    return `客户发来${what}；${mediaProblem(msgtype as 'image', problem)}`;
  if (msgtype === 'voice') return '客户发来语音，请在小二侧边栏「客服消息」里收听';
  if (['image', 'video', 'file'].includes(msgtype)) return `客户发来${what}，请在小二侧边栏「客服消息」里查看`;
  return `客户发来${what}，机器人看不懂，请在企业微信里查看`;
}

export interface KfMediaRepliesDeps {
  media: Pick<KfMediaService, 'fetch' | 'content'>;
  /** the merchant's LLM's speech recognition and vision, where offered */
  recognition: (merchantId: MerchantId) => Promise<MediaRecognition | null>;
  logger: Logger;
}

export class KfMediaReplies {
  constructor(private d: KfMediaRepliesDeps) {}

  async understand(app: WecomCredentials, message: MessageRecord, kb: KnowledgeBase): Promise<MediaOutcome> {
    const handoff = (problem?: string): MediaOutcome => ({
      kind: 'handoff',
      ack: mediaAck(message.msgtype),
      why: ['media', message.msgtype, ...(problem ? [problem] : [])].join(':'),
    });
    const place = locationOf(message);
    if (place) {
      const near = nearestShop(kb.shops, place);
      if (!near) return handoff();
      const how = near.km !== undefined ? 'by distance' : near.district ? `by district ${near.district}` : 'only shop';
      return {
        kind: 'answer',
        text: describeNearest(near, kb.shops.length),
        citedIds: [`shop:${String(near.shop._id)}`],
        reason: `nearest shop (${how})`,
      };
    }
    const stored = await this.d.media.fetch(app, message); // stored already as it arrived: read back
    if (!stored) return handoff();
    if (stored.status === 'failed') return handoff(stored.reason ?? 'unknown');
    const heard = await this.recognise(app.merchantId, String(message._id), stored.kind).catch((err: Error) => {
      this.d.logger.warn({ err: err.message, kind: stored.kind }, 'media recognition failed: handing over');
      return null;
    });
    return heard ?? handoff();
  }

  /** The words in a voice note, or the question a picture asks, where the merchant's LLM offers it. */
  private async recognise(merchantId: MerchantId, messageId: string, kind: string): Promise<MediaOutcome | null> {
    if (kind !== 'voice' && kind !== 'image') return null;
    const llm = await this.d.recognition(merchantId);
    if (!(kind === 'voice' ? llm?.hearsSpeech : llm?.readsPictures)) return null;
    const file = await this.d.media.content(merchantId, messageId, 'original');
    if (!file?.data || !file.contentType) return null;
    const text =
      kind === 'voice'
        ? await llm!.transcribe(file.data, file.contentType)
        : await llm!.readPicture(file.data, file.contentType);
    const words = text.trim().slice(0, 500);
    if (!words || words === NOTHING_ASKED) return null;
    return { kind: 'question', text: words, via: kind === 'voice' ? 'speech' : 'vision' };
  }
}
