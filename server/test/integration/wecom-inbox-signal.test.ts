import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  // polling every minute: only the Redis signal can make the worker act quickly
  w = await startWecomTestApp({ role: 'all', env: { INBOX_POLL_MS: '60000' } });
});
afterAll(() => w.close());

describe('inbox wake-up', () => {
  it('handles a new event within moments of intake, without waiting for the poll', async () => {
    const started = Date.now();
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '马上处理',
    });
    let welcomed = false;
    while (!welcomed && Date.now() - started < 5000) {
      welcomed = w.standin.state.welcomeMessages.some((m) => m.externalUserId === externalUserId);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(welcomed).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
