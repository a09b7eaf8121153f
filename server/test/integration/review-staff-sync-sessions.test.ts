// Review: a member the staff sync takes off the team (no longer in the app's visible range) must lose access at once,
// as a member WeCom deletes or the owner deactivates does. StaffRepository.deactivateOutside (called by
// StaffSyncService.run) sets active:false but nobody ends the member's sessions, and the auth middleware does not
// read `active`, so their console/sidebar token keeps working until it expires.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPERATOR_TEST_ENV, signedInOperator } from '../support/operator.js';
import { shopWithTeam } from '../support/staff-team.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let operatorToken: string;
beforeAll(async () => {
  w = await startWecomTestApp({ role: 'all', env: { ...OPERATOR_TEST_ENV, JOBS_POLL_MS: '200' } });
  operatorToken = (await signedInOperator(w.app)).token;
});
afterAll(() => w.close());

async function synced(token: string) {
  const started = await w.app.request('/api/staff/sync', { method: 'POST', token });
  expect(started.status).toBe(202);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await w.app.request('/api/staff/sync', { token });
    if (res.body.sync.status !== 'running' || Date.now() > deadline) return res.body.sync;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('a member the sync takes off the team is signed out at once', async () => {
  const shop = await shopWithTeam(w, operatorToken, '同步面馆');
  expect(await synced(shop.owner)).toMatchObject({ status: 'done', deactivated: 0 });
  const chen = await w.app.container.repositories.staff.findByWecomUserId(shop.merchantId, 'chen');
  const token = (await w.app.container.services.auth.issueFor(chen!)).token;
  expect((await w.app.request('/api/merchant', { token })).status).toBe(200);

  // the admin takes 陈会计 out of the app's visible range; the next sync deactivates them
  w.standin.state.corp(shop.corpId)!.apps[0]!.visibleUsers = ['zhou'];
  expect(await synced(shop.owner)).toMatchObject({ status: 'done', deactivated: 1 });
  expect((await w.app.container.repositories.staff.findByWecomUserId(shop.merchantId, 'chen'))?.active).toBe(false);
  expect((await w.app.request('/api/merchant', { token })).status).toBe(401);
});
