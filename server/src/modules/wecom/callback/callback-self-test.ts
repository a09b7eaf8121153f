// Calls our own public callback URL the way WeCom verifies it (a signed, encrypted echostr) and expects the plaintext
// back: proof that the URL we tell the merchant to paste reaches this server and that the saved keys open it.
import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import type { WecomCredentials } from '../wecom-app.repository.js';

/**
 * Our own verification requests carry a nonce starting with this, so intake does not take them for WeCom's (only a
 * holder of the callback Token can sign one, so nobody else can use it to hide a real verification).
 */
export const SELF_TEST_NONCE_PREFIX = 'xe-self-';

export const callbackUrlOf = (baseUrl: string, corpId: string) => `${baseUrl}/wecom/callback/${corpId}`;

export type SelfTestResult =
  | { ok: true; url: string }
  | { ok: false; url: string; reason: 'unreachable'; detail: string }
  | { ok: false; url: string; reason: 'wrong_answer' };

export async function selfTestCallback(
  app: Pick<WecomCredentials, 'corpId' | 'callbackToken' | 'encodingAesKey'>,
  baseUrl: string,
  timeoutMs = 5000,
): Promise<SelfTestResult> {
  const echo = randomBytes(8).toString('hex');
  const echostr = encrypt(app.encodingAesKey, echo, app.corpId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `${SELF_TEST_NONCE_PREFIX}${randomBytes(6).toString('hex')}`;
  const query = new URLSearchParams({
    msg_signature: getSignature(app.callbackToken, timestamp, nonce, echostr),
    timestamp,
    nonce,
    echostr,
  });
  const url = callbackUrlOf(baseUrl, app.corpId);
  let answer: string;
  try {
    answer = await (await fetch(`${url}?${query}`, { signal: AbortSignal.timeout(timeoutMs) })).text();
  } catch (err) {
    return { ok: false, url, reason: 'unreachable', detail: (err as Error).message };
  }
  return answer === echo ? { ok: true, url } : { ok: false, url, reason: 'wrong_answer' };
}
