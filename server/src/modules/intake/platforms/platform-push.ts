// A platform's own push (美团 验券, 抖音 券核销, 快递100 轨迹推送) in its own fields and signing scheme, translated to
// our intake records. One file per platform holds its fields, its signature rule and the answer it expects, so a
// field the public docs got wrong is corrected in one place (docs/INTAKE.md says what is verified and what is not).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import { AppError } from '../../../errors/app-error.js';

export interface PushRequest {
  /** the exact bytes received (the signature covers them) */
  body: string;
  /** the request's Content-Type, without parameters */
  type: string;
  header(name: string): string | undefined;
  /** the push URL's query string: a platform that lets the subscriber set the URL per item may carry ids in it */
  query: Record<string, string | undefined>;
}

export interface Translated {
  kind: IntakeKindName;
  /** records in our format; none: a push we acknowledge and do not store (a cancellation, a handshake's kin) */
  records: unknown[];
  /**
   * The records' order and buyer are read from outside the signature (the push URL's query): they may link a record
   * not linked yet and never relink one, since anyone holding one signed push can replay it under another URL.
   */
  unsignedLinks?: boolean;
}

export interface PlatformPush {
  /** as the shop calls it: 美团, 抖音, 快递100 */
  label: string;
  /** an answer owed before any signature (抖音's URL check); undefined: none */
  handshake?(req: PushRequest): unknown;
  verify(secret: string, req: PushRequest): boolean;
  /** our records from the push; a push not in the platform's format throws a 400 naming what is wrong */
  translate(req: PushRequest): Translated;
  /** the body the platform reads as "received" (anything else it retries) */
  ok: unknown;
}

export const digest = (algorithm: 'sha1' | 'md5', text: string) =>
  createHash(algorithm).update(text, 'utf8').digest('hex');

/** Constant-time comparison of two hex digests, case-insensitively (some platforms send them upper-case). */
export function sameDigest(given: string | undefined, expected: string): boolean {
  const a = Buffer.from((given ?? '').trim().toLowerCase());
  const b = Buffer.from(expected.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

export const malformed = (label: string, what: string) =>
  new AppError('bad_request', { message: `不是${label}的推送格式：${what}` });

export function parseJson(label: string, text: string | undefined, what: string): unknown {
  if (text === undefined || text === '') throw malformed(label, `缺少 ${what}`);
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(label, `${what} 不是 JSON`);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A text field of a push (numbers are taken as their digits); absent or empty: undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** "2026-11-27 09:00:00" as the Chinese platforms write local times (Beijing time) → ISO 8601 with its offset. */
export function beijingTime(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(v.trim()) : null;
  if (!m) return undefined;
  return `${m[1]}T${m[2]!.length === 5 ? `${m[2]}:00` : m[2]}+08:00`;
}

/** Unix seconds (or milliseconds, when it is that large) → ISO 8601. */
export function unixTime(v: unknown): string | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  return new Date(n > 1e12 ? n : n * 1000).toISOString();
}
