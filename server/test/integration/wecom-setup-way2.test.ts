// Way 2 (服务商代开发): the template's instruction callback (signature, suite_ticket, answered in time, stored once),
// the owner's authorisation link and the admin's scan turning into the shop's WeCom app without a secret typed or
// shown, change and cancel of the authorisation, and the State that binds a scan to the shop that asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WECOM_AUDIT } from '../../src/modules/wecom/setup/setup-audit.js';
import { auditOf as auditOfMerchant } from '../support/wecom-setup.js';
import { eventually, newAgencyShop, startSuiteTestApp, type SuiteTestApp } from '../support/wecom-suite.js';

let w: SuiteTestApp;
beforeAll(async () => {
  w = await startSuiteTestApp();
  await w.standin.suite.pushesTicket();
});
afterAll(() => w.close());

const auditOf = (merchantId: string) => auditOfMerchant(w, merchantId);
const callsTo = (path: string) => w.standin.state.calls.get(path) ?? 0;
const stateOf = (url: string) => new URL(url).searchParams.get('state')!;
const settle = () => new Promise((r) => setTimeout(r, 600));

/** The owner asks for a link and the corp's admin scans it: the stand-in pushes create_auth. */
async function scanned(shop: Awaited<ReturnType<typeof newAgencyShop>>, corp: { corpId?: string } = {}) {
  const link = await shop.link();
  expect(link.status).toBe(200);
  const scan = await w.standin.suite.scans({
    installUrl: link.body.url,
    corpName: '茶语时光',
    members: shop.members,
    kfAccounts: shop.kfAccounts,
    ...corp,
  });
  return { link: link.body, scan };
}

describe('the 代开发 template instruction callback', () => {
  it('answers WeCom’s URL verification and refuses a wrong signature', async () => {
    const { encrypt, getSignature } = await import('@wecom/crypto');
    const echostr = encrypt(w.suite.encodingAesKey, 'echo-42', w.suite.suiteId);
    const signed = new URLSearchParams({
      msg_signature: getSignature(w.suite.token, '1700000000', 'n1', echostr),
      timestamp: '1700000000',
      nonce: 'n1',
      echostr,
    });
    const ok = await fetch(`${w.app.url}/wecom/suite/callback?${signed}`);
    expect([ok.status, await ok.text()]).toEqual([200, 'echo-42']);
    signed.set('msg_signature', getSignature('wrong-token', '1700000000', 'n1', echostr));
    expect((await fetch(`${w.app.url}/wecom/suite/callback?${signed}`)).status).toBe(401);
  });

  it('rejects an instruction with a bad signature and stores nothing', async () => {
    const before = await w.app.container.wecom.suite!.tickets.current();
    const sealed = w.standin.suite.seal({
      SuiteId: w.suite.suiteId,
      InfoType: 'suite_ticket',
      SuiteTicket: 'forged',
      TimeStamp: Math.floor(Date.now() / 1000) + 60,
    });
    sealed.query.set('msg_signature', 'f'.repeat(40));
    const res = await fetch(`${w.app.url}/wecom/suite/callback?${sealed.query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: sealed.body,
    });
    expect(res.status).toBe(401);
    expect((await w.app.container.wecom.suite!.tickets.current())?.ticket).toBe(before?.ticket);
  });

  it('stores each suite_ticket (the newest wins) and gets the template’s token with it', async () => {
    const { ticket, deliveries } = await w.standin.suite.pushesTicket();
    expect(deliveries.at(-1)).toMatchObject({ status: 200, body: 'success' });
    expect((await w.app.container.wecom.suite!.tickets.current())?.ticket).toBe(ticket);
    // an older push arriving late (a retry) does not replace the newer ticket
    await w.standin.suite.deliver(
      w.standin.suite.seal({
        SuiteId: w.suite.suiteId,
        InfoType: 'suite_ticket',
        SuiteTicket: 'older',
        TimeStamp: Math.floor(Date.now() / 1000) - 600,
      }),
    );
    expect((await w.app.container.wecom.suite!.tickets.current())?.ticket).toBe(ticket);
    expect(await w.app.container.wecom.suite!.api.token()).toMatch(/^sat_/);
  });

  it('speaks WeCom’s errcodes: a ticket WeCom did not push is 40085', async () => {
    const res = await fetch(`${w.standin.url}/cgi-bin/service/get_suite_token`, {
      method: 'POST',
      body: JSON.stringify({ suite_id: w.suite.suiteId, suite_secret: w.suite.secret, suite_ticket: 'made-up' }),
    });
    expect(await res.json()).toMatchObject({ errcode: 40085 });
    const code = await fetch(`${w.standin.url}/cgi-bin/service/get_permanent_code?suite_access_token=nope`, {
      method: 'POST',
      body: JSON.stringify({ auth_code: 'x' }),
    });
    expect(await code.json()).toMatchObject({ errcode: 40082 });
  });
});

describe('way 2: the admin scans, the shop is connected', () => {
  it('answers create_auth within 1 s, then fills the app from the permanent code, never showing it', async () => {
    const shop = await newAgencyShop(w);
    const before = await shop.view();
    expect(before.body).toMatchObject({ app: null, agency: { available: true, pendingUntil: null, failure: null } });
    const { link, scan } = await scanned(shop);
    expect(link.url).toMatch(/^https:\/\/open\.work\.weixin\.qq\.com\/3rdapp\/install\?suite_id=dk/);
    expect(stateOf(link.url)).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(link.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(scan.deliveries).toHaveLength(1);
    expect(scan.deliveries[0]).toMatchObject({ status: 200, body: 'success' });
    expect(scan.deliveries[0]!.ms).toBeLessThan(1000);

    const view = await shop.connected();
    expect(view.body.app).toMatchObject({
      mode: 'agency',
      corpId: scan.corpId,
      corpName: '茶语时光',
      agentId: scan.agentId,
      disabledAt: null,
    });
    const permanentCode = w.standin.state.suite.authorisations.get(scan.corpId)!.permanentCode;
    // nothing secret reaches the owner: not the permanent code, not the template's callback keys
    const shown = JSON.stringify(view.body) + JSON.stringify((await shop.checks()).body);
    expect(shown).not.toContain(permanentCode);
    expect(shown).not.toContain(w.suite.token);
    expect(shown).not.toContain(w.suite.encodingAesKey);
    expect(view.body.app).not.toHaveProperty('callbackToken');
    // stored sealed: the document holds no plain permanent code, the repository opens it
    // eslint-disable-next-line test-boundary/no-raw-collections -- what is at rest, which no repository shows
    const raw = await w.app.container.mongo.collection('wecom_apps').findOne({ corpId: scan.corpId });
    expect(JSON.stringify(raw)).not.toContain(permanentCode);
    const app = await w.app.container.wecom.apps.findByMerchant(shop.tenant.merchantId);
    expect(app).toMatchObject({ corpId: scan.corpId, secret: permanentCode, callbackToken: w.suite.token });

    // the app works: its token comes from gettoken(corpid, permanent_code), and the checks pass
    const checks = (await shop.checks()).body.checks as { key: string; status: string }[];
    const status = Object.fromEntries(checks.map((c) => [c.key, c.status]));
    expect(status).toMatchObject({
      secret: 'ok',
      agent: 'ok',
      callback_verified: 'ok',
      trusted_ip: 'ok',
      customer_contact: 'ok',
      kf_api: 'ok',
    });
    // the team comes in by itself, as after way 1's first save: the staff sync started with the authorisation
    const sync = await eventually(
      () => w.app.request('/api/staff/sync', { token: shop.tenant.tokens.owner }),
      (r) => r.body.sync?.status === 'done',
    );
    expect(sync.body.sync).toMatchObject({ status: 'done' });
    // the app's own data callbacks arrive, signed with the template's keys
    const added = await w.standin.customers.addsMember(scan.corpId, shop.members[0]!.userid, { name: '王小姐' });
    expect(added.deliveries.at(-1)).toMatchObject({ status: 200, body: 'success' });

    expect(await auditOf(shop.tenant.merchantId)).toEqual(
      expect.arrayContaining([
        {
          actor: { kind: 'staff', id: shop.tenant.people.owner._id.toHexString() },
          action: WECOM_AUDIT.agencyLinkCreated,
        },
        {
          actor: { kind: 'staff', id: shop.tenant.people.owner._id.toHexString() },
          action: WECOM_AUDIT.agencyAuthorised,
          target: `${scan.corpId} (管理员 ${shop.members[0]!.userid})`,
        },
      ]),
    );
  });

  it('connects once when WeCom delivers the same create_auth twice', async () => {
    const shop = await newAgencyShop(w);
    const exchanges = callsTo('/cgi-bin/service/get_permanent_code');
    const { scan } = await scanned(shop);
    const again = await w.standin.suite.redeliversLast();
    expect(again.at(-1)).toMatchObject({ status: 200, body: 'success' });
    await shop.connected();
    await settle();
    expect(callsTo('/cgi-bin/service/get_permanent_code') - exchanges).toBe(1);
    const authorised = (await auditOf(shop.tenant.merchantId)).filter((e) => e.action === WECOM_AUDIT.agencyAuthorised);
    expect(authorised).toHaveLength(1);
    expect((await shop.view()).body.app.corpId).toBe(scan.corpId);
  });

  it('takes the code from the redirect when WeCom pushes no create_auth, and connects once when both arrive', async () => {
    const shop = await newAgencyShop(w);
    const exchanges = callsTo('/cgi-bin/service/get_permanent_code');
    const link = await shop.link();
    expect(new URL(link.body.url).searchParams.get('redirect_uri')).toBe(`${w.app.url}/wecom/suite/installed`);
    const scan = await w.standin.suite.scans({ installUrl: link.body.url, members: shop.members, push: false });
    expect(scan.deliveries).toEqual([]);
    // the admin's browser comes back from WeCom's page: sent on to the console's WeCom step
    const back = await fetch(scan.redirectUrl, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`${w.app.url}/console/#/pages/setup-wecom/index`);
    expect((await shop.connected()).body.app).toMatchObject({ mode: 'agency', corpId: scan.corpId });

    // the same code pushed as create_auth after all, and the page visited again: nothing more happens
    await w.standin.suite.deliver(
      w.standin.suite.seal({
        SuiteId: w.suite.suiteId,
        InfoType: 'create_auth',
        AuthCode: scan.authCode,
        State: stateOf(link.body.url),
        TimeStamp: Math.floor(Date.now() / 1000),
      }),
    );
    await fetch(scan.redirectUrl, { redirect: 'manual' });
    await settle();
    expect(callsTo('/cgi-bin/service/get_permanent_code') - exchanges).toBe(1);
    const authorised = (await auditOf(shop.tenant.merchantId)).filter((e) => e.action === WECOM_AUDIT.agencyAuthorised);
    expect(authorised).toHaveLength(1);
  });

  it('stores nothing for a visit to the redirect page with a State no link is pending under', async () => {
    const exchanges = callsTo('/cgi-bin/service/get_permanent_code');
    const stray = await fetch(
      `${w.app.url}/wecom/suite/installed?auth_code=ac_x&state=Nobody0000000000000000000000000`,
      {
        redirect: 'manual',
      },
    );
    expect(stray.status).toBe(302);
    await settle();
    expect(callsTo('/cgi-bin/service/get_permanent_code')).toBe(exchanges);
  });

  it('re-reads the authorisation on change_auth', async () => {
    const shop = await newAgencyShop(w);
    const { scan } = await scanned(shop);
    await shop.connected();
    w.standin.state.suite.authorisations.get(scan.corpId)!.corpName = '茶语时光（徐汇店）';
    const { deliveries } = await w.standin.suite.changes(scan.corpId);
    expect(deliveries.at(-1)).toMatchObject({ body: 'success' });
    const view = await eventually(shop.view, (r) => r.body.app.corpName === '茶语时光（徐汇店）');
    expect(view.body.app.corpName).toBe('茶语时光（徐汇店）');
    expect((await auditOf(shop.tenant.merchantId)).map((e) => e.action)).toContain(WECOM_AUDIT.agencyChanged);
  });

  it('disables the shop’s WeCom side on cancel_auth: no sends, no scans, status shown, data kept', async () => {
    const shop = await newAgencyShop(w);
    const { scan } = await scanned(shop);
    await shop.connected();
    const { merchantId } = shop.tenant;
    const { notifier, apps } = w.app.container.wecom;
    expect(
      await notifier.send(merchantId, { title: '测试', description: '授权后能发', page: 'pages/index/index' }),
    ).toBe(true);
    const sentBefore = w.standin.state.appMessages.length;

    const { deliveries } = await w.standin.suite.cancels(scan.corpId);
    expect(deliveries.at(-1)).toMatchObject({ status: 200, body: 'success' });
    const view = await eventually(shop.view, (r) => r.body.app?.disabledAt !== null);
    expect(view.body.app).toMatchObject({ mode: 'agency', corpId: scan.corpId });
    expect(view.body.app.disabledAt).not.toBeNull();
    expect(view.body.steps[0]).toMatchObject({ key: 'credentials', done: false });
    expect(view.body.steps[0].message).toContain('已取消授权');

    // sends refused, per-merchant jobs skip it, callbacks for the corp are no longer accepted
    expect(await apps.findByMerchant(merchantId)).toBeNull();
    expect(await apps.merchantIds()).not.toContain(merchantId);
    expect(
      await notifier.send(merchantId, { title: '测试', description: '取消后不发', page: 'pages/index/index' }),
    ).toBe(false);
    expect(w.standin.state.appMessages.length).toBe(sentBefore);
    const checks = (await shop.checks()).body.checks as { key: string; status: string; message: string }[];
    expect(checks[0]).toMatchObject({ key: 'secret', status: 'failed' });
    expect(checks[0]!.message).toContain('取消');
    expect(await auditOf(merchantId)).toEqual(
      expect.arrayContaining([
        { actor: { kind: 'system', id: 'wecom' }, action: WECOM_AUDIT.agencyCancelled, target: scan.corpId },
      ]),
    );
    // nothing was deleted: the record is still there, and the admin scanning again brings it back
    const again = await scanned(shop, { corpId: scan.corpId });
    const back = await eventually(shop.view, (r) => r.body.app?.disabledAt === null);
    expect(back.body.app).toMatchObject({ corpId: again.scan.corpId, disabledAt: null });
    expect(await apps.findByMerchant(merchantId)).not.toBeNull();
  });
});

describe('the State binds a scan to the shop that asked', () => {
  it('ignores a State that matches no pending link, before any exchange', async () => {
    const shop = await newAgencyShop(w);
    const { link } = await scanned(shop);
    await shop.connected();
    const exchanges = callsTo('/cgi-bin/service/get_permanent_code');
    for (const state of [stateOf(link.url), 'NoSuchState0000000000000000000000']) {
      const deliveries = await w.standin.suite.deliver(
        w.standin.suite.seal({
          SuiteId: w.suite.suiteId,
          InfoType: 'create_auth',
          AuthCode: `ac_replay_${state}`,
          State: state,
          TimeStamp: Math.floor(Date.now() / 1000),
        }),
      );
      expect(deliveries.at(-1)).toMatchObject({ body: 'success' });
    }
    await settle();
    expect(callsTo('/cgi-bin/service/get_permanent_code')).toBe(exchanges);
  });

  it('lets no other shop’s link take over a connected corp', async () => {
    const a = await newAgencyShop(w);
    const { scan } = await scanned(a);
    await a.connected();
    const secretOfA = (await w.app.container.wecom.apps.findByMerchant(a.tenant.merchantId))!.secret;

    const b = await newAgencyShop(w);
    await scanned(b, { corpId: scan.corpId });
    const refused = await b.connected();
    expect(refused.body.app).toBeNull();
    expect(refused.body.agency.failure).toContain('已经接入了另一个小二商户');
    const stillA = await w.app.container.wecom.apps.findByMerchant(a.tenant.merchantId);
    expect(stillA).toMatchObject({ corpId: scan.corpId });
    expect(stillA!.secret).toBe(secretOfA);
    expect((await a.checks()).body.checks[0]).toMatchObject({ key: 'secret', status: 'ok' });
  });

  it('tells the owner when WeCom refuses the auth code (40078), and the next link still works', async () => {
    const shop = await newAgencyShop(w);
    const link = await shop.link();
    await w.standin.suite.deliver(
      w.standin.suite.seal({
        SuiteId: w.suite.suiteId,
        InfoType: 'create_auth',
        AuthCode: 'ac_not_from_wecom',
        State: stateOf(link.body.url),
        TimeStamp: Math.floor(Date.now() / 1000),
      }),
    );
    const view = await shop.connected();
    expect(view.body.app).toBeNull();
    expect(view.body.agency.failure).toContain('授权码已失效');
    await scanned(shop);
    expect((await shop.connected()).body.app).toMatchObject({ mode: 'agency' });
  });

  it('gives the link to the owner alone', async () => {
    const shop = await newAgencyShop(w);
    const staff = await w.app.request('/api/wecom/setup/agency/link', {
      method: 'POST',
      token: shop.tenant.tokens.staff,
    });
    expect(staff.status).toBe(403);
  });
});
