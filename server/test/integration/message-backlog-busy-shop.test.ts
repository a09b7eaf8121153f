// The message-backlog alert in a busy shop: the 微信客服 sessions of the window are read until enough unanswered ones
// are found, so a shop whose oldest hundred conversations of the two days were answered still hears of the customers
// waiting now.
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outgoing } from '../../src/modules/conversations/kf-message-mapping.js';
import { setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const MIN = 60_000;
const alerts = (kind: ScenarioKey) => w.app.container.alerts.repository.raised(w.tenant.merchantId, kind);
const openKfId = () => w.credentials.kfAccounts[0]!.openKfId;

beforeAll(async () => {
  w = await startWecomTestApp();
  await setScenarios(w, { message_backlog: { enabled: true, minutes: 30, minWaiting: 3 } });
});
afterAll(() => w.close());

describe('message backlog in a busy shop', () => {
  it('tells the owner of three customers waiting, after a hundred conversations that were answered', async () => {
    const repo = w.app.container.kfRepository;
    const m = w.tenant.merchantId;
    const now = Date.now();
    // a hundred conversations earlier in the day, each answered a minute after the customer wrote
    for (let i = 0; i < 100; i++) {
      const id = `wmBusy${String(i).padStart(3, '0')}`;
      const wrote = new Date(now - (10 * 60 - i) * MIN);
      await repo.customersWrote(m, openKfId(), [{ externalUserId: id, at: wrote }]);
      await repo.insertOutgoing(m, {
        ...outgoing(openKfId(), id, `our-${id}`, '好的，马上为您处理'),
        sentAt: new Date(wrote.getTime() + MIN),
        status: 'sent',
      });
    }
    // three customers who wrote 40 minutes ago and have had no answer
    for (const id of ['wmWait1', 'wmWait2', 'wmWait3']) {
      await repo.customersWrote(m, openKfId(), [{ externalUserId: id, at: new Date(now - 40 * MIN) }]);
      await repo.setState(m, openKfId(), id, 'human', w.tenant.people.staff.wecomUserId);
    }
    await w.app.container.alerts.owner.scan(m, new Date(now));
    const raised = await alerts('message_backlog');
    expect(raised).toHaveLength(1);
    expect(raised[0]!.title).toBe('消息积压：3位顾客等回复超过30分钟');
  });
});
