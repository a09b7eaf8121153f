// Delivers callbacks to the product the way WeCom does: XML encrypted with the corp's EncodingAESKey, signed with its
// Token, POSTed to the configured URL; when the product does not answer within the timeout (5 s in WeCom) the
// connection is dropped and the delivery retried, three attempts in all.
import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import { fault } from './errors.js';
import type { Corp, StandInState } from './state.js';

export interface DeliveryAttempt {
  status?: number;
  body?: string;
  error?: string;
  ms: number;
}

const cdata = (v: string | number) => (typeof v === 'number' ? String(v) : `<![CDATA[${v}]]>`);

export function toXml(fields: Record<string, string | number | undefined>): string {
  const inner = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${cdata(v!)}</${k}>`)
    .join('');
  return `<xml>${inner}</xml>`;
}

/** The POST WeCom would send for this event: query string and encrypted XML body. */
export function sealCallback(corp: Corp, agentId: number, fields: Record<string, string | number | undefined>) {
  const cb = corp.callback!;
  const ciphertext = encrypt(cb.encodingAesKey, toXml(fields), corp.corpId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = getSignature(cb.token, timestamp, nonce, ciphertext);
  const body = toXml({ ToUserName: corp.corpId, Encrypt: ciphertext, AgentID: String(agentId) });
  return { query: new URLSearchParams({ msg_signature: signature, timestamp, nonce }), body };
}

export async function deliverCallback(
  corp: Corp,
  agentId: number,
  fields: Record<string, string | number | undefined>,
  options: { timeoutMs?: number; attempts?: number } = {},
): Promise<DeliveryAttempt[]> {
  if (!corp.callback) throw new Error(`corp ${corp.corpId} has no callback configured`);
  const { query, body } = sealCallback(corp, agentId, fields);
  const attempts: DeliveryAttempt[] = [];
  for (let i = 0; i < (options.attempts ?? 3); i++) {
    const started = Date.now();
    try {
      const res = await fetch(`${corp.callback.url}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      const text = await res.text();
      attempts.push({ status: res.status, body: text, ms: Date.now() - started });
      if (res.ok) return attempts;
    } catch (e) {
      attempts.push({
        error: (e as Error).name === 'TimeoutError' ? 'timeout' : (e as Error).message,
        ms: Date.now() - started,
      });
    }
  }
  return attempts;
}

/** An event from the corp to its first app, as WeCom sends it: the common fields, then the event's own. */
export function deliverEvent(
  state: StandInState,
  corpId: string,
  fields: Record<string, string | number | undefined>,
): Promise<DeliveryAttempt[]> {
  const corp = state.corp(corpId);
  if (!corp) throw fault(40013, 'invalid corpid');
  return deliverCallback(corp, corp.apps[0]!.agentId, {
    ToUserName: corpId,
    FromUserName: 'sys',
    CreateTime: Math.floor(state.now() / 1000),
    MsgType: 'event',
    ...fields,
  });
}
