// WeCom callback crypto and parsing: signature check, AES decryption (via @wecom/crypto), XML to fields, and the
// key that identifies one event across WeCom's retries.
import { createHash, timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../errors/app-error.js';

// No entity expansion (billion-laughs), values kept as strings (ids like "0012" must not become numbers).
const parser = new XMLParser({
  processEntities: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
});

export type CallbackFields = Record<string, string>;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FIELDS = 64;
const MAX_VALUE_LENGTH = 8192;

export const badSignature = () => new AppError('unauthenticated', { message: '回调签名校验失败' });
export const malformed = (why: string) => new AppError('bad_request', { message: `回调内容无法解析：${why}` });

const ENCRYPT = /<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=]{1,65536})\]\]>|([A-Za-z0-9+/=]{1,65536}))\s*<\/Encrypt>/;

/**
 * The ciphertext from the outer envelope. Only this one element is read before the signature is checked, so no
 * unauthenticated XML reaches the parser.
 */
export function extractEncrypt(envelope: string): string {
  const match = ENCRYPT.exec(envelope);
  const encrypted = match?.[1] ?? match?.[2];
  if (!encrypted) throw malformed('缺少 Encrypt');
  return encrypted;
}

export function verifySignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypted: string,
  signature: string,
): void {
  const expected = Buffer.from(getSignature(token, timestamp, nonce, encrypted));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw badSignature();
}

export function parseXml(xml: string): CallbackFields {
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch {
    throw malformed('不是有效的 XML');
  }
  const root = (parsed as { xml?: unknown })?.xml;
  if (!root || typeof root !== 'object') throw malformed('缺少 xml 根节点');
  // Only plain element names become fields: they are stored as document keys, so nothing like "$where", "a.b" or a
  // null byte (a bit-flipped ciphertext decrypts to such names) may pass.
  const fields: CallbackFields = {};
  for (const [k, v] of Object.entries(root).slice(0, MAX_FIELDS)) {
    if (FIELD_NAME.test(k) && (typeof v === 'string' || typeof v === 'number'))
      fields[k] = String(v).slice(0, MAX_VALUE_LENGTH);
  }
  return fields;
}

/** Decrypts a ciphertext and checks it was meant for this corp (the receiveid inside the plaintext). */
export function decryptFor(encodingAesKey: string, encrypted: string, corpId: string): string {
  let opened: { message: string; id: string };
  try {
    opened = decrypt(encodingAesKey, encrypted);
  } catch {
    throw malformed('无法解密');
  }
  if (opened.id !== corpId) throw malformed('企业 ID 不匹配');
  return opened.message;
}

// The fields that together identify one event; WeCom's retries repeat them exactly (Token differs per KF callback).
const IDENTITY_FIELDS = [
  'Event',
  'ChangeType',
  'UserID',
  'ExternalUserID',
  'ChatId',
  'UpdateDetail',
  'MemChangeCnt',
  'Id',
  'TagType',
  'Token',
  'OpenKfId',
  'FailReason',
  'CreateTime',
];

// A member's updates within one second differ only in what changed (a rename, then a new userid).
const MEMBER_CHANGE_FIELDS = ['NewUserID', 'Name', 'Department', 'MainDepartment', 'Position', 'Status'];

/** MsgId when WeCom gives one; otherwise a hash of the identifying fields. */
export function dedupeKey(fields: CallbackFields): string {
  if (fields.MsgId) return `msg:${fields.MsgId}`;
  const names = fields.Event === 'change_contact' ? [...IDENTITY_FIELDS, ...MEMBER_CHANGE_FIELDS] : IDENTITY_FIELDS;
  const identity = names.map((f) => `${f}=${fields[f] ?? ''}`).join('|');
  return `evt:${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
}

/** The event's kind, e.g. "change_external_contact/add_external_contact" or "kf_msg_or_event". */
export const eventKind = (fields: CallbackFields): string =>
  [fields.MsgType === 'event' ? fields.Event : fields.MsgType, fields.ChangeType].filter(Boolean).join('/') ||
  'unknown';

/**
 * The event's lane: events of one customer are handled in arrival order. A 微信客服 callback only says "sync this
 * account": one lane per account, whose sync also answers every such notice queued behind it, so a burst of
 * callbacks costs a few syncs and takes one worker, not one each.
 */
export function orderingKey(corpId: string, fields: CallbackFields): string {
  if (fields.OpenKfId) return `kf-sync:${fields.OpenKfId}`;
  if (fields.ExternalUserID) return `customer:${corpId}:${fields.ExternalUserID}`;
  if (fields.ChatId) return `chat:${corpId}:${fields.ChatId}`;
  // a member's create / update / delete in arrival order (an update must not overtake the create it follows)
  if (fields.Event === 'change_contact' && fields.UserID) return `member:${corpId}:${fields.UserID}`;
  return `corp:${corpId}:${eventKind(fields)}`;
}

/** A "sync this account now" notice: one waiting in its lane stands for any number more (it is stored once). */
export const coalesces = (fields: CallbackFields): boolean =>
  Boolean(fields.OpenKfId) && fields.Event === 'kf_msg_or_event';

/** The welcome code is valid for 20 s: new contacts go to the front of the queue. */
export const priorityOf = (fields: CallbackFields): number =>
  fields.ChangeType === 'add_external_contact' ? 0 : fields.Event === 'kf_msg_or_event' ? 1 : 2;
