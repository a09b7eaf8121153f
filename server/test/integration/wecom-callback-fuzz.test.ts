// A few thousand random and mutated callbacks: the server never answers 5xx and never stores anything that does
// not carry a valid signature.
import { getSignature } from '@wecom/crypto';
import { sealCallback } from '@xiaoer/dev-services/wecom-standin/callback-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/demo/random.js';
import { AGENT_ID, startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const random = seededRandom(424242);
const randomText = (n: number) => Array.from({ length: n }, () => String.fromCharCode(random.int(1, 0x7ff))).join('');
const flip = (s: string) => {
  const i = random.int(0, Math.max(0, s.length - 1));
  return s.slice(0, i) + String.fromCharCode((s.charCodeAt(i) || 65) ^ (1 << random.int(0, 6))) + s.slice(i + 1);
};

type Case = { query: URLSearchParams; body: string; contentType: string; signed: boolean };

function mutatedCase(): Case {
  const corp = w.standin.state.corp(w.corpId)!;
  const fields = {
    ToUserName: w.corpId,
    MsgType: 'event',
    Event: random.pick(['change_external_contact', 'kf_msg_or_event', 'change_external_tag']),
    ChangeType: 'edit_external_contact',
    UserID: randomText(5),
    ExternalUserID: randomText(8),
    CreateTime: random.int(1, 2e9),
  };
  const { query, body } = sealCallback(corp, AGENT_ID, fields);
  const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(body)![1]!;
  const resign = (enc: string) =>
    getSignature(w.credentials.callbackToken, query.get('timestamp')!, query.get('nonce')!, enc);
  switch (random.int(0, 9)) {
    case 0: // random bytes, random signature
      return { query, body: randomText(random.int(0, 400)), contentType: 'text/xml', signed: false };
    case 1: // mutated signature
      query.set('msg_signature', flip(query.get('msg_signature')!));
      return { query, body, contentType: 'text/xml', signed: false };
    case 2: {
      // mutated ciphertext, correctly re-signed: must fail decryption, not crash
      const enc = flip(encrypted);
      query.set('msg_signature', resign(enc));
      return { query, body: body.replace(encrypted, enc), contentType: 'text/xml', signed: true };
    }
    case 3: // missing parameters
      query.delete(random.pick(['msg_signature', 'timestamp', 'nonce']));
      return { query, body, contentType: 'text/xml', signed: false };
    case 4: // entity expansion attempt around a signed envelope (the signature covers Encrypt only)
      return {
        query,
        body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;">]>${body.replace('<xml>', '<xml><Boom>&b;</Boom>')}`,
        contentType: 'text/xml',
        signed: true,
      };
    case 5: // deep nesting
      return {
        query,
        body: `<xml>${'<a>'.repeat(2000)}x${'</a>'.repeat(2000)}</xml>`,
        contentType: 'text/xml',
        signed: false,
      };
    case 6: // valid ciphertext of garbage plaintext, correctly signed
      return {
        query,
        body: body.replace(/<ToUserName>.*?<\/ToUserName>/, '<ToUserName>' + randomText(3) + '</ToUserName>'),
        contentType: 'text/xml',
        signed: true,
      };
    case 7: // wrong content type
      return {
        query,
        body,
        contentType: random.pick(['application/json', 'application/x-www-form-urlencoded', 'image/png']),
        signed: false,
      };
    case 8: {
      // truncated body: still signed when the whole Encrypt survived
      const truncated = body.slice(0, random.int(0, body.length - 1));
      return {
        query,
        body: truncated,
        contentType: 'text/xml',
        signed: truncated.includes(`${encrypted}]]></Encrypt>`),
      };
    }
    default: {
      // a random Encrypt value, correctly signed
      const enc = Buffer.from(randomText(random.int(1, 200))).toString('base64');
      query.set('msg_signature', resign(enc));
      return { query, body: `<xml><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`, contentType: 'text/xml', signed: true };
    }
  }
}

describe('callback fuzzing', () => {
  it('never answers 5xx and stores nothing without a valid signature', async () => {
    const stored = () => w.app.container.wecom.inbox.count(w.tenant.merchantId);
    const statuses = new Map<number, number>();
    let storedUnsigned = 0;
    for (let batch = 0; batch < 60; batch++) {
      const cases = Array.from({ length: 40 }, mutatedCase);
      const before = await stored();
      const results = await Promise.all(
        cases.map(async (c) => {
          const res = await fetch(`${w.app.url}/wecom/callback/${w.corpId}?${c.query}`, {
            method: 'POST',
            headers: { 'content-type': c.contentType },
            body: c.body,
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          return res.status;
        }),
      );
      const storedNow = (await stored()) - before;
      // only a correctly signed case can store anything, and only when it answered success
      const couldStore = cases.filter((c, i) => c.signed && results[i] === 200).length;
      if (storedNow > couldStore) storedUnsigned += storedNow - couldStore;
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(2400);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(storedUnsigned).toBe(0);
    expect(statuses.get(401)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(100);
  }, 120_000);
});
