// The order in which workers claim the inbox's lane heads: priority gives a bounded head start, never a place ahead of
// every other merchant. Events are stored the way intake and the 微信客服 sync store them (callback fields through
// the codec), and claimed one at a time, so what is asserted is the claim order itself.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  coalesces,
  dedupeKey,
  eventKind,
  orderingKey,
  priorityOf,
  type CallbackFields,
} from '../../src/modules/wecom/callback/callback-codec.js';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const repo = () => w.app.container.wecom.inbox;

beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const newMerchant = () => w.addMerchant();
/**
 * What a test left waiting is given up, as a worker gives up an event for good, so no test leaves work for the next
 * one's drain (the heads a test claimed stay with their lease, which outlasts the file).
 */
afterEach(async () => {
  for (let event = await repo().claimNext('cleanup', 60_000); event; event = await repo().claimNext('cleanup', 60_000))
    await repo().giveUp(event, 'cleanup', 'test over');
});

/** A callback as intake stores it. */
const delivered = (merchantId: MerchantId, corpId: string, fields: CallbackFields) =>
  repo().accept(merchantId, {
    corpId,
    dedupeKey: dedupeKey(fields),
    kind: eventKind(fields),
    orderingKey: orderingKey(corpId, fields),
    priority: priorityOf(fields),
    payload: fields,
    coalesce: coalesces(fields),
  });

const newContact = (i: number): CallbackFields => ({
  MsgType: 'event',
  Event: 'change_external_contact',
  ChangeType: 'add_external_contact',
  UserID: 'zhangsan',
  ExternalUserID: `wmNewContact${i}`,
  WelcomeCode: `welcome-${i}`,
  CreateTime: String(1_800_000_000 + i),
});

const kfNotice = (openKfId: string, token: string): CallbackFields => ({
  MsgType: 'event',
  Event: 'kf_msg_or_event',
  OpenKfId: openKfId,
  Token: token,
  CreateTime: '1800000000',
});

/** A customer message the 微信客服 sync queues for the bot (as conversations.module.ts does). */
const queuedKfMessage = (merchantId: MerchantId, corpId: string, openKfId: string, externalUserId: string) =>
  repo().insert(merchantId, {
    corpId,
    dedupeKey: `kfmsg:${externalUserId}-${Date.now()}`,
    kind: 'kf_message',
    orderingKey: `kf:${openKfId}:${externalUserId}`,
    priority: 2,
    payload: { openKfId, externalUserId },
  });

/** Claims heads one by one until `wanted` is among them: how many claims that took (Infinity if never). */
async function claimsUntil(wanted: (e: { kind: string; corpId: string }) => boolean, max: number) {
  for (let claims = 1; claims <= max; claims++) {
    const event = await repo().claimNext('claim-order-test', 60_000);
    if (!event) return Infinity;
    if (wanted(event)) return claims;
  }
  return Infinity;
}

describe('claim order', () => {
  it('claims another merchant’s 微信客服 message within the first few claims while one merchant’s new contacts flood in', async () => {
    const flooding = await newMerchant();
    const other = await newMerchant();
    for (let i = 0; i < 300; i++) await delivered(flooding.tenant.merchantId, flooding.corpId, newContact(i));
    // Meanwhile the other shop's customer writes: a "sync now" notice, and the message a sync queues for the bot.
    await delivered(other.tenant.merchantId, other.corpId, kfNotice(other.openKfId, 'token-1'));
    await queuedKfMessage(other.tenant.merchantId, other.corpId, other.openKfId, 'wmOtherShop');

    // Both are claimed among the first, not after 300 welcomes: the flood is still almost all waiting.
    const claimed: { corpId: string; kind: string }[] = [];
    const claimedOf = (corpId: string) => claimed.filter((e) => e.corpId === corpId);
    for (let i = 0; i < 302 && claimedOf(other.corpId).length < 2; i++) {
      const event = await repo().claimNext('claim-order-test', 60_000);
      if (!event) break;
      claimed.push(event);
    }
    expect(
      claimedOf(other.corpId)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['kf_message', 'kf_msg_or_event']);
    expect(claimed.length).toBeLessThanOrEqual(6);
  });

  it('still puts a merchant’s new contact ahead of its own backlog of 微信客服 messages (the welcome code lives 20 s)', async () => {
    const shop = await newMerchant();
    for (let i = 0; i < 50; i++)
      await queuedKfMessage(shop.tenant.merchantId, shop.corpId, shop.openKfId, `wmWaiting${i}`);
    await delivered(shop.tenant.merchantId, shop.corpId, newContact(1));

    const toWelcome = await claimsUntil((e) => e.kind === 'change_external_contact/add_external_contact', 51);
    expect(toWelcome).toBeLessThanOrEqual(2);
  });
});

describe('repair sweep', () => {
  it('finds a lane left without a head behind a backlog of lanes whose heads wait out their backoff', async () => {
    const shop = await newMerchant();
    const merchantId = shop.tenant.merchantId;
    const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);
    const inAnHour = new Date(Date.now() + 3600_000);
    const event = (lane: string, name: string) => ({
      corpId: shop.corpId,
      dedupeKey: `evt:${lane}-${name}`,
      kind: 'repair_test',
      orderingKey: `corp:${shop.corpId}:${lane}`,
      priority: 2,
      payload: {},
    });
    // More lanes than one sweep looks at, each healthy: its head (stored two minutes ago, failed once) waits out a
    // backoff, flagged, with an event behind it.
    const backlog = Array.from({ length: 250 }, (_, i) => `backlog-${i}`);
    for (const lane of backlog) await repo().insert(merchantId, event(lane, 'head'), secondsAgo(120));
    for (const _ of backlog) {
      const head = await repo().claimNext('failing-worker', 60_000, secondsAgo(110));
      expect(head).toMatchObject({ kind: 'repair_test', corpId: shop.corpId });
      await repo().retryLater(head!, 'failing-worker', 'refused', inAnHour);
    }
    for (const lane of backlog) await repo().insert(merchantId, event(lane, 'next'), secondsAgo(60));
    // And one lane whose events were stored by a process that died before promoting any: no product path leaves a
    // lane so, hence the raw insert.
    const headless = [0, 1].map((i) => ({
      ...event('headless', String(i)),
      merchantId: shop.tenant.merchant._id,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: secondsAgo(30 - i),
      receivedAt: secondsAgo(30 - i),
    }));
    // eslint-disable-next-line test-boundary/no-raw-collections -- simulates a process that died before promoting
    await w.app.container.mongo.collection('wecom_inbox').insertMany(headless);

    await w.drain();

    const lane = await repo().lane(merchantId, `corp:${shop.corpId}:headless`);
    expect(lane.map((e) => e.status)).toEqual(['done', 'done']);
    // The backlog is as it was: its heads still wait, the events behind them too.
    const events = await repo().events(merchantId, { kind: 'repair_test' });
    const backlogStatuses = new Set(events.filter((e) => e.dedupeKey.startsWith('evt:backlog')).map((e) => e.status));
    expect([...backlogStatuses]).toEqual(['pending']);
    expect(events.filter((e) => e.head && e.behind)).toHaveLength(250);
    // about a thousand sequential round trips to build the backlog: a loaded 2-core machine needs well over 20 s
  }, 120_000);
});
