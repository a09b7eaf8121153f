// A POS's delivery to the signed intake webhook in tests: the raw body signed with the secret at the current time.
import { signWebhook } from '../../src/modules/intake/intake-webhook.service.js';

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
