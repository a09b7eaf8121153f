import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let openKfId: string;
const kf = () => w.app.container.kf;
const repo = () => w.app.container.kfRepository;
const app = async () => (await w.app.container.wecom.apps.findByCorpId(w.corpId))!;
const sentTo = (externalUserId: string) => w.standin.state.kfSent.filter((m) => m.touser === externalUserId);

beforeAll(async () => {
  w = await startWecomTestApp();
  openKfId = w.credentials.kfAccounts[0]!.openKfId;
});
afterAll(() => w.close());

describe('微信客服 sync', () => {
  it('does not greet while the shop is still in setup, as the bot does not answer; after 开始营业 it does', async () => {
    const merchantId = w.tenant.merchantId;
    // first in the file: no message has reached the bot's gate yet, which counts a shop without a record as live
    await w.app.container.goLive.launches.ensure(merchantId, 'setup');
    await w.standin.customers.entersKf(openKfId, 'wmKfSetup');
    await w.drain();
    expect(sentTo('wmKfSetup')).toEqual([]);
    const held = await repo().conversation(merchantId, 'wmKfSetup');
    expect(held.filter((m) => m.direction === 'out')).toEqual([]);

    await w.app.container.goLive.service.launchShop(merchantId, String(w.tenant.people.owner._id), 'off'); // the rest of the file expects a silent bot
    await w.standin.customers.entersKf(openKfId, 'wmKfLive');
    await w.drain();
    expect(sentTo('wmKfLive')).toHaveLength(1);
  });
  it('stores what the customer wrote, opens a session and persists the cursor', async () => {
    await w.kfCustomerWrites('wmKfA', '你们几点关门？');
    await w.kfCustomerWrites('wmKfA', '还有杨枝甘露吗');
    const history = await repo().conversation(w.tenant.merchantId, 'wmKfA');
    expect(history.map((m) => [m.direction, m.text])).toEqual([
      ['in', '你们几点关门？'],
      ['in', '还有杨枝甘露吗'],
    ]);
    expect(await repo().session(w.tenant.merchantId, openKfId, 'wmKfA')).toMatchObject({
      state: 'new',
      sentSinceCustomerMessage: 0,
    });
    expect(await repo().cursor(w.tenant.merchantId, openKfId)).not.toBe('');
  });

  it('never stores a message twice, even when the cursor is lost and everything is fetched again', async () => {
    await w.kfCustomerWrites('wmKfB', '在吗');
    await repo().saveCursor(w.tenant.merchantId, openKfId, ''); // lost: the next sync starts from the beginning
    await kf().sync(await app(), openKfId);
    const mine = await repo().conversation(w.tenant.merchantId, 'wmKfB');
    expect(mine).toHaveLength(1);
    const earlier = await repo().conversation(w.tenant.merchantId, 'wmKfA');
    expect(earlier.filter((m) => m.direction === 'in')).toHaveLength(2);
  });

  it('calls the message listeners once per new customer message', async () => {
    const heard: string[] = [];
    kf().onCustomerMessage(async (_app, m) => void heard.push(m.text ?? ''));
    await w.kfCustomerWrites('wmKfC', '我要订两杯');
    await kf().sync(await app(), openKfId);
    expect(heard).toEqual(['我要订两杯']);
  });
});

describe('微信客服 send rules', () => {
  it('sends up to five replies per customer message, and records the sixth as not attempted', async () => {
    await w.kfCustomerWrites('wmKfD', '你好');
    const outcomes = [];
    for (let i = 1; i <= 6; i++)
      outcomes.push(await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfD' }, `回复${i}`));
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'not_attempted']);
    expect(outcomes[5]!.reason).toBe('budget_exhausted');
    expect(sentTo('wmKfD')).toHaveLength(5);
    expect(await repo().session(w.tenant.merchantId, openKfId, 'wmKfD')).toMatchObject({
      state: 'bot',
      sentSinceCustomerMessage: 5,
    });
    await w.kfCustomerWrites('wmKfD', '再问一下');
    expect((await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfD' }, '好的')).status).toBe('sent');
  });

  it('does not attempt a send 48 hours after the customer last wrote', async () => {
    w.standin.state.clockOffsetMs = -49 * 3600_000; // the customer wrote 49 hours ago
    try {
      await w.kfCustomerWrites('wmKfE', '周末营业吗');
    } finally {
      w.standin.state.clockOffsetMs = 0;
    }
    const session = await repo().session(w.tenant.merchantId, openKfId, 'wmKfE');
    expect(Date.now() - session!.lastCustomerMessageAt!.getTime()).toBeGreaterThan(48 * 3600_000);
    const calls = w.standin.state.calls.get('/cgi-bin/kf/send_msg') ?? 0;
    const outcome = await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfE' }, '营业的');
    expect(outcome).toMatchObject({ status: 'not_attempted', reason: 'window_expired' });
    expect(w.standin.state.calls.get('/cgi-bin/kf/send_msg') ?? 0).toBe(calls);
    const stored = await repo().findOutgoing(w.tenant.merchantId, outcome.ourMsgId);
    expect(stored).toMatchObject({ status: 'not_attempted', reason: 'window_expired', text: '营业的' });
  });

  it('sends once for a repeated msgid', async () => {
    await w.kfCustomerWrites('wmKfF', '我的外卖到哪了');
    const first = await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfF' }, '马上查', 'reply-fixed-1');
    const again = await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfF' }, '马上查', 'reply-fixed-1');
    expect([first.status, again.status]).toEqual(['sent', 'sent']);
    expect(sentTo('wmKfF')).toHaveLength(1);
  });

  it('hands off to a person, after which the bot no longer writes', async () => {
    await w.kfCustomerWrites('wmKfG', '我要投诉');
    await kf().handOff(await app(), { openKfId, externalUserId: 'wmKfG' }, w.tenant.people.manager.wecomUserId);
    expect(w.standin.state.kfSessions.get(`${openKfId}:wmKfG`)).toMatchObject({
      state: 3,
      servicerUserId: w.tenant.people.manager.wecomUserId,
    });
    expect(await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfG' }, '抱歉')).toMatchObject({
      status: 'not_attempted',
      reason: 'human_serving',
    });
  });

  it('records 95018 when a receptionist took the session, and stops writing', async () => {
    w.standin.state.kfReceptionistsOnline.add(openKfId);
    try {
      await w.kfCustomerWrites('wmKfH', '有人吗');
      // our session still says new: the send is attempted and WeCom refuses it
      const outcome = await kf().sendText(await app(), { openKfId, externalUserId: 'wmKfH' }, '在的');
      expect(outcome).toMatchObject({ status: 'failed', reason: 'wecom:95018' });
      expect((await repo().session(w.tenant.merchantId, openKfId, 'wmKfH'))?.state).toBe('human');
    } finally {
      w.standin.state.kfReceptionistsOnline.delete(openKfId);
    }
  });

  it('greets a customer who opens the chat through send_msg_on_event', async () => {
    const { deliveries } = await w.standin.customers.entersKf(openKfId, 'wmKfI');
    expect(deliveries.at(-1)).toMatchObject({ body: 'success' });
    await w.drain();
    const welcome = sentTo('wmKfI');
    expect(welcome).toHaveLength(1);
    expect(JSON.stringify(welcome[0]!.content)).toContain('请问有什么可以帮您');
  });
});
