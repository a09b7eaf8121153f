import { encrypt, getSignature } from '@wecom/crypto';
import { sealCallback } from '@xiaoer/dev-services/wecom-standin/callback-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderingKey } from '../../src/modules/wecom/callback/callback-codec.js';
import { startWecomTestApp, AGENT_ID, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const inbox = () => w.app.container.wecom.inbox;
/** The customer's events in the inbox, in arrival order (their lane). */
const customerEvents = (externalUserId: string) =>
  inbox().lane(w.tenant.merchantId, orderingKey(w.corpId, { ExternalUserID: externalUserId }));
const post = (query: URLSearchParams, body: string, contentType = 'text/xml') =>
  fetch(`${w.app.url}/wecom/callback/${w.corpId}?${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });

beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

describe('URL verification', () => {
  it('answers the decrypted echostr for a correct signature', async () => {
    const echostr = encrypt(w.credentials.encodingAesKey, 'echo-12345', w.corpId);
    const ts = '1700000000';
    const sig = getSignature(w.credentials.callbackToken, ts, 'n1', echostr);
    const res = await fetch(
      `${w.app.url}/wecom/callback/${w.corpId}?${new URLSearchParams({ msg_signature: sig, timestamp: ts, nonce: 'n1', echostr })}`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('echo-12345');
  });

  it('refuses a wrong signature with 401', async () => {
    const echostr = encrypt(w.credentials.encodingAesKey, 'echo', w.corpId);
    const res = await fetch(
      `${w.app.url}/wecom/callback/${w.corpId}?${new URLSearchParams({ msg_signature: 'f'.repeat(40), timestamp: '1', nonce: 'n', echostr })}`,
    );
    expect(res.status).toBe(401);
  });
});

describe('a new contact', () => {
  it('creates the customer from their profile, attributes the channel and sends the welcome message with their name', async () => {
    const owner = w.tenant.people.staff.wecomUserId;
    const { externalUserId, deliveries } = await w.standin.customers.addsMember(w.corpId, owner, {
      name: '周小棠',
      state: 'table_card:8',
      gender: 2,
    });
    expect(deliveries).toEqual([expect.objectContaining({ status: 200, body: 'success' })]);
    await w.drain();
    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    expect(customer).toMatchObject({
      name: '周小棠',
      gender: 'female',
      sourceChannel: 'table_card',
      contactStatus: 'active',
    });
    expect(customer!.followStaffIds.map(String)).toEqual([String(w.tenant.people.staff._id)]);
    const welcome = w.standin.state.welcomeMessages.filter((m) => m.externalUserId === externalUserId);
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.text).toContain('周小棠');
  });

  it('stores and handles the same callback delivered three times concurrently exactly once', async () => {
    const userid = w.tenant.people.staff.wecomUserId;
    const externalUserId = 'wmTripleDelivery';
    w.standin.state.contacts.set(externalUserId, {
      externalUserId,
      name: '三次',
      avatar: '',
      gender: 0,
      followers: new Map([[userid, { remark: '', createtime: 0, tagIds: [], addWay: 0 }]]),
    });
    w.standin.state.welcomeCodes.set('wc-triple', {
      corpId: w.corpId,
      userid,
      externalUserId,
      expiresAt: Date.now() + 20_000,
      used: false,
    });
    const corp = w.standin.state.corp(w.corpId)!;
    const fields = {
      ToUserName: w.corpId,
      FromUserName: 'sys',
      CreateTime: 1_800_000_000,
      MsgType: 'event',
      Event: 'change_external_contact',
      ChangeType: 'add_external_contact',
      UserID: userid,
      ExternalUserID: externalUserId,
      WelcomeCode: 'wc-triple',
    };
    const { query, body } = sealCallback(corp, AGENT_ID, fields);
    const responses = await Promise.all([post(query, body), post(query, body), post(query, body)]);
    expect(await Promise.all(responses.map((r) => r.text()))).toEqual(['success', 'success', 'success']);
    expect(await customerEvents(externalUserId)).toHaveLength(1);
    await w.drain();
    expect(w.standin.state.welcomeMessages.filter((m) => m.externalUserId === externalUserId)).toHaveLength(1);
    expect(await w.app.container.repositories.customers.count(w.tenant.merchantId, { externalUserId })).toBe(1);
  });
});

describe('bad callbacks', () => {
  const sealed = () =>
    sealCallback(w.standin.state.corp(w.corpId)!, AGENT_ID, {
      ToUserName: w.corpId,
      MsgType: 'event',
      Event: 'change_external_contact',
      ChangeType: 'edit_external_contact',
      UserID: 'x',
      ExternalUserID: `wmBad${Math.random()}`,
      CreateTime: 1,
    });

  it('answers 401 and stores nothing for a bad signature', async () => {
    const before = await inbox().count(w.tenant.merchantId);
    const { query, body } = sealed();
    query.set('msg_signature', '0'.repeat(40));
    const res = await post(query, body);
    expect(res.status).toBe(401);
    expect(await inbox().count(w.tenant.merchantId)).toBe(before);
  });

  it('answers 400 for undecryptable or malformed bodies, and for a non-XML post', async () => {
    const before = await inbox().count(w.tenant.merchantId);
    const { query } = sealed();
    const garbage = `<xml><Encrypt><![CDATA[bm90LWVuY3J5cHRlZA==]]></Encrypt></xml>`;
    query.set(
      'msg_signature',
      getSignature(w.credentials.callbackToken, query.get('timestamp')!, query.get('nonce')!, 'bm90LWVuY3J5cHRlZA=='),
    );
    expect((await post(query, garbage)).status).toBe(400);
    expect((await post(query, '<xml><Encrypt>')).status).toBe(400);
    expect((await post(query, '{"Encrypt":"x"}', 'application/json')).status).toBe(400);
    expect(await inbox().count(w.tenant.merchantId)).toBe(before);
  });

  it('answers 404 for a corp that is not ours, and 413 for an oversized body', async () => {
    const { query, body } = sealed();
    expect(
      (
        await fetch(`${w.app.url}/wecom/callback/wwunknown?${query}`, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body,
        })
      ).status,
    ).toBe(404);
    expect((await post(query, `<xml>${'x'.repeat(70_000)}</xml>`)).status).toBe(413);
  });

  it('stores and acknowledges an event kind it does not know', async () => {
    const corp = w.standin.state.corp(w.corpId)!;
    const { query, body } = sealCallback(corp, AGENT_ID, {
      ToUserName: w.corpId,
      MsgType: 'event',
      Event: 'some_future_event',
      CreateTime: 2,
    });
    const res = await post(query, body);
    expect(await res.text()).toBe('success');
    await w.drain();
    expect(await inbox().events(w.tenant.merchantId, { kind: 'some_future_event' })).toMatchObject([
      { status: 'done' },
    ]);
  });
});

describe('resilience', () => {
  it('acknowledges and persists callbacks while Redis is down', async () => {
    await w.app.container.redis.disconnect();
    try {
      const { externalUserId, deliveries } = await w.standin.customers.addsMember(
        w.corpId,
        w.tenant.people.manager.wecomUserId,
        { name: '停电时加的' },
      );
      expect(deliveries.at(-1)).toMatchObject({ status: 200, body: 'success' });
      expect(await customerEvents(externalUserId)).toHaveLength(1);
    } finally {
      await w.app.container.redis.connect();
    }
    await w.drain();
  });

  it('handles an event exactly once when its worker died mid-way (before and after the welcome was sent)', async () => {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '中途崩溃',
    });
    const repo = inbox();
    // A worker claims the event and dies: its lease runs out and another worker takes over.
    const claimed = await repo.claimNext('worker-that-died', 30);
    expect(claimed?.payload.ExternalUserID).toBe(externalUserId);
    await new Promise((r) => setTimeout(r, 50));
    await w.drain();
    // Now a worker that died after sending the welcome but before recording it (the event still its lane's head): the
    // event is handled again. No product path puts a handled event back, so the crash is written onto it directly.
    // eslint-disable-next-line test-boundary/no-raw-collections -- simulates a worker that died mid-handling
    await w.app.container.mongo.collection('wecom_inbox').updateOne(
      { _id: claimed!._id },
      {
        $set: { status: 'processing', head: true, leaseOwner: 'died-after-send', leaseUntil: new Date(0) },
        $unset: { result: 1 },
      },
    );
    await w.drain();
    expect(await repo.event(w.tenant.merchantId, claimed!.dedupeKey)).toMatchObject({
      status: 'done',
      result: { welcome: 'skipped:41051' },
    });
    expect(w.standin.state.welcomeMessages.filter((m) => m.externalUserId === externalUserId)).toHaveLength(1);
    expect(await w.app.container.repositories.customers.count(w.tenant.merchantId, { externalUserId })).toBe(1);
  });

  it('refreshes a token WeCom invalidated and retries the call once', async () => {
    await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, { name: '先拿个令牌' });
    await w.drain();
    w.standin.state.revokeTokens();
    const tokensBefore = w.standin.state.calls.get('/cgi-bin/gettoken') ?? 0;
    const getsBefore = w.standin.state.calls.get('/cgi-bin/externalcontact/get') ?? 0;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '令牌失效后',
    });
    await w.drain();
    expect(
      await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId),
    ).toMatchObject({ name: '令牌失效后' });
    expect(w.standin.state.calls.get('/cgi-bin/gettoken')).toBe(tokensBefore + 1);
    expect(w.standin.state.calls.get('/cgi-bin/externalcontact/get')).toBe(getsBefore + 2);
  });

  it('retries a failing event later and keeps the customer’s events in order', async () => {
    const userid = w.tenant.people.staff.wecomUserId;
    w.standin.state.injectError('/cgi-bin/externalcontact/get', 60020, 1);
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, userid, { name: '先加后删' });
    await w.standin.customers.deletesMember(w.corpId, userid, externalUserId);
    await w.drain(); // the add fails (60020) and waits for its retry; the delete must wait behind it
    const events = await customerEvents(externalUserId);
    expect(events.map((e) => e.status)).toEqual(['pending', 'pending']);
    expect(events[0]!.lastError).toContain('60020');
    // the add waits out its backoff (2 s after the first attempt), then both are handled in order
    await new Promise((r) => setTimeout(r, Math.max(0, events[0]!.nextAttemptAt.getTime() - Date.now()) + 50));
    await w.drain();
    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    expect(customer?.contactStatus).toBe('deleted_by_customer');
    const alert = w.standin.state.appMessages.find(
      (m) => m.touser === userid && JSON.stringify(m.content).includes('先加后删'),
    );
    expect(alert).toBeTruthy();
  });

  it('marks a customer removed by staff', async () => {
    const userid = w.tenant.people.manager.wecomUserId;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, userid, { name: '被员工删除' });
    await w.standin.customers.isDeletedByMember(w.corpId, userid, externalUserId);
    await w.drain();
    expect(
      (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId))
        ?.contactStatus,
    ).toBe('deleted_by_staff');
  });
});
