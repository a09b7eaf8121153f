// 微信客服 through worker crashes: what a dead worker held (an account's sync lock, a reply half-recorded) must neither
// lose customer messages nor answer them twice. Driven through the WeCom stand-in, as the soak run does at scale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { InboxProcessor } from '../../src/modules/wecom/inbox/inbox-processor.js';
import { tenantKey } from '../../src/redis/keys.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let openKfId: string;
const inbox = () => w.app.container.wecom.inbox;
const sentTo = (externalUserId: string) => w.standin.state.kfSent.filter((m) => m.touser === externalUserId);

beforeAll(async () => {
  w = await startWecomTestApp({ autoReply: 'always' });
  openKfId = w.credentials.kfAccounts[0]!.openKfId;
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(() => w.close());

describe('微信客服 after a worker died', () => {
  it('syncs the account once the dead worker’s sync lock is gone, instead of closing the notices unsynced', async () => {
    // A worker died mid-sync: its lock on the account stays until it expires.
    const lock = await w.app.container.locks.tryAcquire(tenantKey(w.tenant.merchantId, 'kf', openKfId, 'sync'), 1500);
    expect(lock).not.toBeNull();
    try {
      await w.standin.customers.writesToKf(openKfId, 'wmAfterCrash', '杨枝甘露多少钱');
      await w.drain();
      // Nothing could be synced yet, and the notice says so: it waits to be tried again.
      const waiting = await inbox().events(w.tenant.merchantId, { kind: 'kf_msg_or_event', status: 'pending' });
      expect(waiting).toHaveLength(1);
      // it is tried again after its backoff (2 s), by when the dead worker's lock (1.5 s) has expired
      await new Promise((r) => setTimeout(r, Math.max(1600, waiting[0]!.nextAttemptAt.getTime() - Date.now() + 50)));
    } finally {
      await lock!.release();
    }
    await w.drain();
    expect(sentTo('wmAfterCrash').map((m) => (m.content as { content: string }).content)).toEqual([
      '杨枝甘露中杯18元，大杯加3元。',
    ]);
  });

  it('does not answer a message twice when the worker died after the reply went out but before the event was done', async () => {
    expect(await w.kfCustomerWrites('wmTwice', '杨枝甘露多少钱')).toHaveLength(1);
    const [answered] = await inbox().lane(w.tenant.merchantId, `kf:${openKfId}:wmTwice`);
    // As the dead worker left it: still its lane's head, processing, its lease run out (no product path puts a handled
    // event back, so the crash is written onto it directly).
    // eslint-disable-next-line test-boundary/no-raw-collections -- simulates a worker that died mid-handling
    await w.app.container.mongo.collection('wecom_inbox').updateOne(
      { _id: answered!._id },
      {
        $set: { status: 'processing', head: true, leaseOwner: 'died-after-send', leaseUntil: new Date(0) },
        $unset: { doneAt: 1 },
      },
    );
    await w.drain();
    expect(await inbox().event(w.tenant.merchantId, answered!.dedupeKey)).toMatchObject({ status: 'done' });
    expect(sentTo('wmTwice')).toHaveLength(1);
  });
});

describe('inbox leases', () => {
  it('keeps the lease of an event while its handling runs, so no other worker takes it over', async () => {
    const { wecom, logger } = w.app.container;
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 1000));
    };
    const options = { pollMs: 60_000, concurrency: 1, leaseMs: 300, maxAttempts: 3 };
    const first = new InboxProcessor(wecom.inbox, wecom.apps, { slow_test: slow }, logger, options);
    const second = new InboxProcessor(wecom.inbox, wecom.apps, { slow_test: slow }, logger, options);
    await wecom.inbox.insert(w.tenant.merchantId, {
      corpId: w.corpId,
      dedupeKey: 'evt:slow',
      kind: 'slow_test',
      orderingKey: `corp:${w.corpId}:slow`,
      priority: 2,
      payload: {},
    });
    const handling = first.processOne();
    await new Promise((r) => setTimeout(r, 600)); // twice the lease
    await second.drain(); // a worker looking for abandoned events finds none
    await handling;
    expect(runs).toBe(1);
    expect(await inbox().event(w.tenant.merchantId, 'evt:slow')).toMatchObject({ status: 'done' });
  });
});
