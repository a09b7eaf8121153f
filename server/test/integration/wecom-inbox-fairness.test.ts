// Nobody waits on somebody else's queue: a customer flooding 微信客服, an event waiting out its backoff, or a busy
// merchant must not hold up anyone else's events. Driven through the WeCom stand-in (callbacks, sync_msg, send_msg);
// the API role stores events and `drain` works them off, so what is asserted is the order of work, not timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { OPT_OUT_CONFIRMATION } from '../../src/modules/ai/auto-reply.service.js';
import { KF_BURST_ANSWERED } from '../../src/modules/conversations/kf-events.handler.js';
import { orderingKey } from '../../src/modules/wecom/callback/callback-codec.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const inbox = () => w.app.container.wecom.inbox;
/** A contact's events (their lane), in arrival order. */
const contactEvents = (externalUserId: string) =>
  inbox().lane(w.tenant.merchantId, orderingKey(w.corpId, { ExternalUserID: externalUserId }));
/** What a customer wrote to 微信客服, as stored (newest 1000). */
const customerWrote = async (merchantId: MerchantId, externalUserId: string) =>
  (await w.app.container.kfRepository.conversation(merchantId, externalUserId, 1000)).filter(
    (m) => m.direction === 'in',
  );
const QUESTION = '杨枝甘露多少钱';

async function seedMenu(merchantId: MerchantId) {
  await w.app.container.repositories.products.insertMany(merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.base.changed(merchantId);
}

beforeAll(async () => {
  w = await startWecomTestApp({ autoReply: 'always' });
  await seedMenu(w.tenant.merchantId);
});
afterAll(() => w.close());

describe('inbox fairness', () => {
  it('answers another customer while one customer’s 300-message flood is still being worked off', async () => {
    const openKfId = w.credentials.kfAccounts[0]!.openKfId;
    const syncsBefore = w.standin.state.calls.get('/cgi-bin/kf/sync_msg') ?? 0;
    for (let i = 0; i < 300; i++) await w.standin.customers.writesToKf(openKfId, 'wmFlood', `${QUESTION}${i}`);
    await w.standin.customers.writesToKf(openKfId, 'wmPatient', QUESTION);
    await w.drain();

    const answered = w.standin.state.kfSent.find((m) => m.touser === 'wmPatient');
    expect(answered).toBeDefined();
    // When the patient customer's answer went out, the flood had barely started.
    const flood = await inbox().lane(w.tenant.merchantId, `kf:${openKfId}:wmFlood`);
    const floodDoneBefore = flood.filter((e) => e.doneAt && e.doneAt <= new Date(answered!.at)).length;
    expect(floodDoneBefore).toBeLessThan(10);
    // 301 "sync now" callbacks cost a few syncs, not one each: one waiting notice stands for the rest.
    expect((w.standin.state.calls.get('/cgi-bin/kf/sync_msg') ?? 0) - syncsBefore).toBeLessThanOrEqual(5);
    const notices = await inbox().events(w.tenant.merchantId, { kind: 'kf_msg_or_event' });
    expect(notices.length).toBeLessThanOrEqual(3);
    expect(notices.filter((e) => e.status !== 'done')).toEqual([]);
  }, 180_000);

  it('handles every flooded message once, in order, and answers the burst rather than each stale message', async () => {
    const openKfId = w.credentials.kfAccounts[0]!.openKfId;
    const byArrival = await inbox().lane(w.tenant.merchantId, `kf:${openKfId}:wmFlood`);
    expect(byArrival).toHaveLength(300);
    expect(byArrival.every((e) => e.status === 'done')).toBe(true);
    const outOfOrder = byArrival.filter((e, i) => i > 0 && e.doneAt! < byArrival[i - 1]!.doneAt!);
    expect(outOfOrder).toEqual([]);
    // Messages with five newer ones already waiting are not answered one by one: the bot sees each message at most
    // once, and only the latest of the burst get an answer.
    const superseded = byArrival.filter((e) => e.result?.skipped === 'superseded').length;
    const decisions = await w.app.container.ai.decisions.count(w.tenant.merchantId, { externalUserId: 'wmFlood' });
    expect(superseded).toBe(295);
    expect(decisions).toBe(5);
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmFlood').length).toBeLessThanOrEqual(5);
    const stored = await customerWrote(w.tenant.merchantId, 'wmFlood');
    expect(stored).toHaveLength(300);
    expect(stored.every((m) => m.handledAt)).toBe(true);
  });

  it('still acts on a 退订 or a request for a person buried in a burst, though it answers only the newest', async () => {
    const openKfId = w.credentials.kfAccounts[0]!.openKfId;
    const staff = w.tenant.people.staff.wecomUserId;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, staff, { name: '连发退订的' });
    await w.drain();
    await w.standin.customers.writesToKf(openKfId, externalUserId, '退订');
    for (let i = 0; i < KF_BURST_ANSWERED + 1; i++)
      await w.standin.customers.writesToKf(openKfId, externalUserId, `${QUESTION}${i}`);
    await w.drain();

    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    expect(customer?.optedOut).toBe(true);
    const texts = w.standin.state.kfSent
      .filter((m) => m.touser === externalUserId)
      .map((m) => (m.content as { content: string }).content);
    expect(texts).toContain(OPT_OUT_CONFIRMATION);
  });

  it('does not stall other customers behind an event waiting out its backoff', async () => {
    const { corpId } = w;
    const member = w.tenant.people.staff.wecomUserId;
    const x = await w.standin.customers.addsMember(corpId, member, { name: '老顾客' });
    const y = await w.standin.customers.addsMember(corpId, member, { name: '新顾客' });
    await w.drain();
    // X's next event fails once (WeCom refuses the profile read) and waits out its backoff ...
    w.standin.state.injected.set('/cgi-bin/externalcontact/get', [{ errcode: 60011, remaining: 1 }]);
    await w.standin.customers.editsProfile(corpId, member, x.externalUserId, { name: '老顾客改名' });
    await w.drain();
    const failed = (await contactEvents(x.externalUserId)).find((e) => e.status === 'pending');
    expect(failed).toMatchObject({ attempts: 1 });
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // ... while X keeps generating events (each a distinct second, so none is a duplicate delivery) ...
    for (let i = 0; i < 25; i++) {
      w.standin.state.clockOffsetMs += 1000;
      await w.standin.customers.editsProfile(corpId, member, x.externalUserId, { name: `老顾客${i}` });
    }
    w.standin.state.clockOffsetMs = 0;
    // ... and then Y changes their name.
    await w.standin.customers.editsProfile(corpId, member, y.externalUserId, { name: '新顾客改名' });
    await w.drain();

    const customers = w.app.container.repositories.customers;
    expect((await customers.findByExternalUserId(w.tenant.merchantId, y.externalUserId))?.name).toBe('新顾客改名');
    // X's own events wait, in order, behind the one in backoff.
    expect((await contactEvents(x.externalUserId)).filter((e) => e.status === 'pending')).toHaveLength(26);
    expect((await customers.findByExternalUserId(w.tenant.merchantId, x.externalUserId))?.name).toBe('老顾客');
  });

  it('answers another merchant’s customer before one merchant’s crowd of customers is worked off', async () => {
    const other = await w.addMerchant('always');
    await seedMenu(other.tenant.merchantId);
    const busyKf = w.credentials.kfAccounts[0]!.openKfId;
    const sentBefore = w.standin.state.kfSent.length;
    for (let i = 0; i < 100; i++) await w.standin.customers.writesToKf(busyKf, `wmCrowd${i}`, QUESTION);
    // The crowd's messages are synced and waiting to be answered when the other shop's customer writes.
    await w.app.container.kf.sync((await w.app.container.wecom.apps.findByCorpId(w.corpId))!, busyKf);
    await w.standin.customers.writesToKf(other.openKfId, 'wmOtherShop', QUESTION);
    await w.drain();

    const sent = w.standin.state.kfSent.slice(sentBefore);
    expect(sent.filter((m) => m.touser.startsWith('wmCrowd'))).toHaveLength(100);
    // The other shop's customer waits for what the workers took on while its own message was being synced, not for
    // the crowd to be worked off.
    const position = sent.findIndex((m) => m.touser === 'wmOtherShop');
    expect(position).toBeGreaterThanOrEqual(0);
    expect(position).toBeLessThan(40);
  }, 120_000);

  it('handles lanes left without a head (a process died between storing and promoting, or events stored before lanes)', async () => {
    const past = (s: number) => new Date(Date.now() - s * 1000);
    const event = (i: number) => ({
      merchantId: w.tenant.merchant._id,
      corpId: w.corpId,
      dedupeKey: `evt:headless-${i}`,
      kind: 'headless_test',
      orderingKey: `corp:${w.corpId}:headless`,
      priority: 2,
      payload: {},
      status: 'pending',
      attempts: 0,
      nextAttemptAt: past(60 - i),
      receivedAt: past(60 - i),
    });
    // Stored as a crash leaves them (queued, none promoted): no product path stores a lane that way.
    // eslint-disable-next-line test-boundary/no-raw-collections -- simulates a process that died before promoting
    await w.app.container.mongo.collection('wecom_inbox').insertMany([event(0), event(1), event(2)]);
    await w.drain();
    const lane = await inbox().lane(w.tenant.merchantId, `corp:${w.corpId}:headless`);
    expect(lane.map((e) => e.status)).toEqual(['done', 'done', 'done']);
    expect(lane.map((e) => e.doneAt!.getTime())).toEqual(lane.map((e) => e.doneAt!.getTime()).sort((a, b) => a - b));
  });

  it('keeps a lane moving, in order, while events are stored into it as its heads finish', async () => {
    const repo = inbox();
    const processor = w.app.container.wecom.inboxProcessor;
    const store = (i: number) =>
      repo.insert(w.tenant.merchantId, {
        corpId: w.corpId,
        dedupeKey: `evt:race-${i}`,
        kind: 'race_test',
        orderingKey: `corp:${w.corpId}:race`,
        priority: 2,
        payload: {},
      });
    // One event stored while the head is being handled: the head learns of it and hands over when done.
    const held = {
      corpId: w.corpId,
      kind: 'race_test',
      orderingKey: `corp:${w.corpId}:held`,
      priority: 2,
      payload: {},
    };
    await repo.insert(w.tenant.merchantId, { ...held, dedupeKey: 'evt:held-a' });
    const head = await repo.claimNext('test-worker', 60_000);
    expect(head).toMatchObject({ dedupeKey: 'evt:held-a' });
    await repo.insert(w.tenant.merchantId, { ...held, dedupeKey: 'evt:held-b' });
    await repo.complete(head!, 'test-worker');
    await w.drain();
    expect(await repo.event(w.tenant.merchantId, 'evt:held-b')).toMatchObject({ status: 'done' });

    // Stores arrive faster than the lane is worked (so events queue behind its head), in batches and one by one,
    // racing the heads finishing.
    let next = 0;
    for (let round = 0; round < 20; round++) {
      await Promise.all([
        store(next++),
        store(next++),
        processor.processOne(),
        processor.processOne().then(() => store(next++)),
      ]);
    }
    await w.drain();
    // Nothing is left waiting (the repair sweep only looks at events older than a few seconds: none here).
    const lane = await repo.lane(w.tenant.merchantId, `corp:${w.corpId}:race`);
    expect(lane.map((e) => e.status)).toEqual(lane.map(() => 'done'));
    expect(lane).toHaveLength(60);
    expect(lane.map((e) => e.doneAt!.getTime())).toEqual(lane.map((e) => e.doneAt!.getTime()).sort((a, b) => a - b));
  });

  it('stores a "sync now" notice once while one waits, but never folds it into one a running sync already covers', async () => {
    const other = await w.addMerchant();
    const repo = inbox();
    const notices = () => repo.events(other.tenant.merchantId, { kind: 'kf_msg_or_event' });
    const write = (text: string) => w.standin.customers.writesToKf(other.openKfId, 'wmFold', text);
    await write('一');
    const sync = await repo.claimNext('test-worker', 60_000); // a sync starts ...
    expect(sync).toMatchObject({ kind: 'kf_msg_or_event', corpId: other.corpId });
    await write('二');
    await write('三'); // ... two more notices arrive: the second is folded into the first, which waits
    expect(await notices()).toHaveLength(2);
    await repo.coverQueued(sync!); // the sync covers what waits, then fetches from WeCom ...
    await write('四'); // ... and a message written after that must not ride on the covered notice
    expect(await notices()).toHaveLength(3);
    await repo.complete(sync!, 'test-worker', { covered: true });
    expect((await notices()).map((n) => n.status)).toEqual(['done', 'done', 'pending']);
    await w.drain();
    const stored = await customerWrote(other.tenant.merchantId, 'wmFold');
    expect(stored.map((m) => m.text).sort()).toEqual(['一', '三', '二', '四'].sort());
  });
});
