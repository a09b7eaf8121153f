// The order in which workers claim the inbox's lane heads: priority gives a bounded head start, never a place ahead of
// every other merchant. Events are stored the way intake and the 微信客服 sync store them (callback fields through
// the codec), and claimed one at a time, so what is asserted is the claim order itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const inbox = () => w.app.container.mongo.collection('wecom_inbox');
const repo = () => w.app.container.wecom.inbox;

beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

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

/** A customer message the 微信客服 sync queues for the bot (as wecom.container.ts does). */
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
    const flooding = await w.addMerchant();
    const other = await w.addMerchant();
    for (let i = 0; i < 300; i++) await delivered(flooding.tenant.merchantId, flooding.corpId, newContact(i));
    await delivered(other.tenant.merchantId, other.corpId, kfNotice(other.openKfId, 'token-1'));

    // The other shop's "sync now" notice is claimed among the first, not after 300 welcomes ...
    const toNotice = await claimsUntil((e) => e.corpId === other.corpId && e.kind === 'kf_msg_or_event', 301);
    expect(toNotice).toBeLessThanOrEqual(4);
    // ... and so is the customer message its sync queues, though the flood is still almost all waiting.
    await queuedKfMessage(other.tenant.merchantId, other.corpId, other.openKfId, 'wmOtherShop');
    const toMessage = await claimsUntil((e) => e.corpId === other.corpId && e.kind === 'kf_message', 301);
    expect(toMessage).toBeLessThanOrEqual(4);
    const welcomesClaimed = await inbox().countDocuments({ corpId: flooding.corpId, status: 'processing' });
    expect(welcomesClaimed).toBeLessThan(10);

    await inbox().deleteMany({ corpId: { $in: [flooding.corpId, other.corpId] } });
  });

  it('still puts a merchant’s new contact ahead of its own backlog of 微信客服 messages (the welcome code lives 20 s)', async () => {
    const shop = await w.addMerchant();
    for (let i = 0; i < 50; i++)
      await queuedKfMessage(shop.tenant.merchantId, shop.corpId, shop.openKfId, `wmWaiting${i}`);
    await delivered(shop.tenant.merchantId, shop.corpId, newContact(1));

    const toWelcome = await claimsUntil((e) => e.kind === 'change_external_contact/add_external_contact', 51);
    expect(toWelcome).toBeLessThanOrEqual(2);

    await inbox().deleteMany({ corpId: shop.corpId });
  });
});
