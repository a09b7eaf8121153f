// A POS's delivery to the signed intake webhook in tests: the raw body signed with the secret at the current time.
import { signWebhook } from '../../src/modules/intake/intake-webhook.service.js';
import type { TestApp } from './test-app.js';

export async function deliverSigned(url: string, secret: string, raw: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-xiaoer-timestamp': timestamp,
      'x-xiaoer-signature': signWebhook(secret, timestamp, raw),
    },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A URL the server handed out (its public address), pointed at the test server. */
export const onTestServer = (app: Pick<TestApp, 'url'>, url: string) => url.replace(/^https?:\/\/[^/]+/, app.url);

/** A new named push address of the token's merchant, through the API: its id, URL (on the test server) and secret. */
export async function createEndpoint(app: TestApp, token: string, name = '收银系统') {
  const res = await app.request('/api/intake/endpoints', { method: 'POST', token, body: { name } });
  if (res.status !== 201) throw new Error(`push address not created: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.endpoint.id as string,
    url: onTestServer(app, res.body.endpoint.url as string),
    secret: res.body.secret as string,
  };
}
