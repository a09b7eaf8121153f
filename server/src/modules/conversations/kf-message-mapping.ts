// WeCom's 微信客服 messages as we store them, our outgoing replies as records, and WeCom's failures as reasons.
import type { KfSyncedMessage } from '../wecom/api/kf-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { NewMessage } from './kf.repository.js';

/** msg_send_fail's fail_type, as reasons. */
export const FAIL_TYPES: Record<number, string> = {
  4: 'session_expired',
  5: 'session_closed',
  6: 'over_reply_limit',
  7: 'no_channels_bound',
  8: 'corp_not_verified',
  10: 'user_refused',
};
export const reasonOf = (err: unknown) =>
  err instanceof WecomApiError ? `wecom:${err.errcode}` : `error:${(err as Error).message}`;

export const outgoing = (openKfId: string, externalUserId: string, ourMsgId: string, text: string): NewMessage => ({
  channel: 'kf',
  openKfId,
  externalUserId,
  direction: 'out',
  ourMsgId,
  msgtype: 'text',
  text,
  sentAt: new Date(),
  status: 'sending',
});

export function toMessage(m: KfSyncedMessage): NewMessage {
  return {
    channel: 'kf',
    openKfId: m.open_kfid,
    externalUserId: m.external_userid || String(m.event?.external_userid ?? ''),
    direction: m.msgtype === 'event' ? 'event' : m.origin === 5 ? 'out' : 'in',
    wecomMsgId: m.msgid,
    msgtype: m.msgtype,
    text: m.text?.content,
    raw: m as unknown as Record<string, unknown>,
    sentAt: new Date(m.send_time * 1000),
  };
}
