// The stand-in's own rules, checked over HTTP as the product would see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WecomStandIn } from '../src/wecom-standin/server.js';

const standin = new WecomStandIn();
const CORP = 'wwstandintest';
let token = '';

const get = async (path: string, query: Record<string, string> = {}) =>
  (await fetch(`${standin.url}${path}?${new URLSearchParams({ access_token: token, ...query })}`)).json() as Promise<
    Record<string, any>
  >;
const post = async (path: string, body: unknown) =>
  (
    await fetch(`${standin.url}${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })
  ).json() as Promise<Record<string, any>>;

beforeAll(async () => {
  await standin.start();
  standin.seedCorp(
    { corpId: CORP, apps: [{ agentId: 1000002, secret: 's3cret', kfAuthorised: true }] },
    [{ userid: 'amei', name: '阿美' }],
    [{ openKfId: 'wkKF1', name: '茶语时光客服' }],
  );
  token = (await get('/cgi-bin/gettoken', { corpid: CORP, corpsecret: 's3cret' })).access_token;
});
afterAll(() => standin.stop());

describe('tokens', () => {
  it('refuses a wrong secret with 40001 and a missing token with 41001', async () => {
    expect((await get('/cgi-bin/gettoken', { corpid: CORP, corpsecret: 'nope' })).errcode).toBe(40001);
    const res = (await (await fetch(`${standin.url}/cgi-bin/externalcontact/list?userid=amei`)).json()) as {
      errcode: number;
    };
    expect(res.errcode).toBe(41001);
  });

  it('answers 42001 after expiry and 40014 after revocation', async () => {
    const t = (await get('/cgi-bin/gettoken', { corpid: CORP, corpsecret: 's3cret' })).access_token;
    standin.state.tokens.get(t)!.expiresAt = 0;
    expect(
      (
        (await (await fetch(`${standin.url}/cgi-bin/externalcontact/list?userid=amei&access_token=${t}`)).json()) as {
          errcode: number;
        }
      ).errcode,
    ).toBe(42001);
    standin.state.tokens.delete(t);
    expect(
      (
        (await (await fetch(`${standin.url}/cgi-bin/externalcontact/list?userid=amei&access_token=${t}`)).json()) as {
          errcode: number;
        }
      ).errcode,
    ).toBe(40014);
  });
});

describe('welcome codes', () => {
  it('accept one welcome message within 20 s, then 41051', async () => {
    const code = 'wc-test-1';
    standin.state.welcomeCodes.set(code, {
      corpId: CORP,
      userid: 'amei',
      externalUserId: 'wmX',
      expiresAt: Date.now() + 20_000,
      used: false,
    });
    expect(
      (await post('/cgi-bin/externalcontact/send_welcome_msg', { welcome_code: code, text: { content: '欢迎光临' } }))
        .errcode,
    ).toBe(0);
    expect(
      (await post('/cgi-bin/externalcontact/send_welcome_msg', { welcome_code: code, text: { content: '欢迎光临' } }))
        .errcode,
    ).toBe(41051);
  });
});

describe('微信客服 rules', () => {
  it('allows five replies per customer message, then 95001; after 48 h 95016', async () => {
    standin.state.kfSessions.set('wkKF1:wmKF', {
      openKfId: 'wkKF1',
      externalUserId: 'wmKF',
      state: 0,
      lastCustomerMessageAt: Date.now(),
      sentSinceCustomerMessage: 0,
    });
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await post('/cgi-bin/kf/send_msg', {
            touser: 'wmKF',
            open_kfid: 'wkKF1',
            msgtype: 'text',
            text: { content: `第${i}条` },
          })
        ).errcode,
      ).toBe(0);
    }
    expect(
      (
        await post('/cgi-bin/kf/send_msg', {
          touser: 'wmKF',
          open_kfid: 'wkKF1',
          msgtype: 'text',
          text: { content: '第6条' },
        })
      ).errcode,
    ).toBe(95001);
    standin.state.kfSessions.get('wkKF1:wmKF')!.lastCustomerMessageAt = Date.now() - 49 * 3600_000;
    standin.state.kfSessions.get('wkKF1:wmKF')!.sentSinceCustomerMessage = 0;
    expect(
      (
        await post('/cgi-bin/kf/send_msg', {
          touser: 'wmKF',
          open_kfid: 'wkKF1',
          msgtype: 'text',
          text: { content: '晚了' },
        })
      ).errcode,
    ).toBe(95016);
  });

  it('rejects a reused msgid with 95011 and a session served by a person with 95018', async () => {
    standin.state.kfSessions.set('wkKF1:wmKF2', {
      openKfId: 'wkKF1',
      externalUserId: 'wmKF2',
      state: 1,
      lastCustomerMessageAt: Date.now(),
      sentSinceCustomerMessage: 0,
    });
    const send = {
      touser: 'wmKF2',
      open_kfid: 'wkKF1',
      msgid: 'our-msg-1',
      msgtype: 'text',
      text: { content: '你好' },
    };
    expect((await post('/cgi-bin/kf/send_msg', send)).errcode).toBe(0);
    expect((await post('/cgi-bin/kf/send_msg', send)).errcode).toBe(95011);
    standin.state.kfSessions.get('wkKF1:wmKF2')!.state = 3;
    expect((await post('/cgi-bin/kf/send_msg', { ...send, msgid: 'our-msg-2' })).errcode).toBe(95018);
  });
});

describe('rate limits and injected faults', () => {
  it('answers 45009 past the per-minute limit and replays injected errcodes', async () => {
    standin.state.rateLimitPerMinute = 2;
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await get('/cgi-bin/externalcontact/list', { userid: 'amei' })).errcode);
    expect(codes).toEqual([0, 0, 45009]);
    standin.state.rateLimitPerMinute = 10_000;
    standin.state.injectError('/cgi-bin/externalcontact/get', -1);
    expect((await get('/cgi-bin/externalcontact/get', { external_userid: 'x' })).errcode).toBe(-1);
    expect((await get('/cgi-bin/externalcontact/get', { external_userid: 'x' })).errcode).toBe(40096);
  });
});

describe('group sends', () => {
  it('stops a task its member has not sent (cancel_groupmsg_send), leaves a sent one, and knows no other msgid', async () => {
    const make = async () =>
      (
        await post('/cgi-bin/externalcontact/add_msg_template', {
          sender: 'amei',
          external_userid: ['wmG'],
          text: { content: '周末上新' },
        })
      ).msgid as string;
    const [waiting, sent] = [await make(), await make()];
    standin.state.groupSendTasks.find((t) => t.msgid === sent)!.sentAt = Date.now();
    expect((await post('/cgi-bin/externalcontact/cancel_groupmsg_send', { msgid: waiting })).errcode).toBe(0);
    expect((await post('/cgi-bin/externalcontact/cancel_groupmsg_send', { msgid: sent })).errcode).toBe(0);
    expect((await post('/cgi-bin/externalcontact/cancel_groupmsg_send', { msgid: 'msgUNKNOWN' })).errcode).toBe(41063);
    const byId = (msgid: string) => standin.state.groupSendTasks.find((t) => t.msgid === msgid)!;
    expect(byId(waiting).cancelledAt).toEqual(expect.any(Number));
    expect(byId(sent).cancelledAt).toBeUndefined();
  });
});

describe('application messages', () => {
  it('drops the same content to the same member within the duplicate-check interval, and only when asked', async () => {
    const card = (title: string, check: boolean) =>
      post('/cgi-bin/message/send', {
        touser: 'amei',
        msgtype: 'textcard',
        agentid: 1000002,
        textcard: { title, description: '早报', url: 'https://example.com' },
        ...(check ? { enable_duplicate_check: 1, duplicate_check_interval: 1800 } : {}),
      });
    const delivered = (title: string) =>
      standin.state.appMessages.filter((m) => (m.content as { title: string }).title === title).length;
    for (const res of [await card('早报 12-01', true), await card('早报 12-01', true)]) expect(res.errcode).toBe(0);
    expect(delivered('早报 12-01')).toBe(1);
    await card('早报 12-02', true);
    expect(delivered('早报 12-02')).toBe(1);
    await card('无检查', false);
    await card('无检查', false);
    expect(delivered('无检查')).toBe(2);
    standin.state.clockOffsetMs += 1801_000; // past the interval: delivered again
    await card('早报 12-01', true);
    expect(delivered('早报 12-01')).toBe(2);
    standin.state.clockOffsetMs -= 1801_000;
  });
});
