// A scheduled campaign WeCom refuses on every retry (the stand-in answers add_msg_template with an errcode) ends
// failed, and the owner is alerted once for it — in the console's alerts and by a WeCom card — with what failed, why,
// what to fix and what to do next. Not while retries remain, not twice for the same campaign, not for a campaign the
// owner sent now (they see the error on the page), and not when the owner switched the alert off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignHelpers } from '../support/campaign-helpers.js';
import { quietHoursAwayFromNow, setContactPolicy, setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const h = campaignHelpers(() => w);
const MINUTE = 60_000;
const ADD_TEMPLATE = '/cgi-bin/externalcontact/add_msg_template';

beforeAll(async () => {
  w = await startWecomTestApp();
  await quietHoursAwayFromNow(w);
  await setContactPolicy(w, { perWeek: 5 });
  await h.contact('阿美');
});
afterAll(() => w.close());

const alerts = () => w.app.container.alerts.repository.raised(w.tenant.merchantId, 'campaign_failed');
const sendDue = (at: Date) => w.app.container.campaigns.service.sendDue(w.tenant.merchantId, at);
const cards = () =>
  w.standin.state.appMessages
    .filter((m) => m.msgtype === 'textcard')
    .map((m) => m.content as { title: string; description: string });

/** A campaign set for `at`: its id, and when it goes (after quiet hours, should `at` fall inside them). */
async function scheduled(text: string, key: string, at: Date) {
  const res = await h.send({ audience: {}, text, key, sendAt: at.toISOString() });
  expect(res.status).toBe(201);
  return { id: res.body.campaignId as string, at: new Date(res.body.sendAt) };
}
const campaign = async (id: string) => (await h.detail(id)).body;

describe('a scheduled campaign WeCom keeps refusing', () => {
  it('alerts the owner once it has failed for good, saying what, why, what to fix and what to do', async () => {
    const { id, at } = await scheduled(
      '中秋快乐～月饼礼盒今天起预订',
      'moon-fail-0001',
      new Date(Date.now() + 60 * MINUTE),
    );
    w.standin.state.injectError(ADD_TEMPLATE, 48002, 3); // the app lost the 客户联系 API permission

    await sendDue(new Date(at.getTime() + MINUTE));
    await sendDue(new Date(at.getTime() + 12 * MINUTE));
    // two tries refused: it waits for its last one, and the owner is not yet alerted
    expect((await campaign(id)).status).toBe('scheduled');
    expect(await alerts()).toEqual([]);

    await sendDue(new Date(at.getTime() + 23 * MINUTE));
    expect(await campaign(id)).toMatchObject({ status: 'failed', failedReason: expect.stringContaining('48002') });
    const [alert, ...more] = await alerts();
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      level: 'warning',
      status: 'open',
      notify: 'sent',
      title: '定时群发没发出去：中秋快乐～月饼礼盒今天起预订',
      data: { campaignId: id },
    });
    expect(alert!.body).toContain('试了3次都没发出去，客户没有收到');
    expect(alert!.body).toContain('原因：应用没有调用这个接口的权限（错误码 48002）');
    expect(alert!.body).toContain('请先到企业微信管理后台 → 客户与上下游 → 客户联系 → API');
    expect(alert!.body).toContain('草稿 → 群发 → 新建群发 里重新发一次');
    expect(cards().filter((c) => c.title.includes('定时群发没发出去'))).toHaveLength(1);

    // the console lists it with the rest
    const listed = await w.app.request('/api/alerts?status=open', { token: w.tenant.tokens.owner });
    expect(listed.body.items.map((a: { kind: string; kindName: string }) => [a.kind, a.kindName])).toContainEqual([
      'campaign_failed',
      '定时群发失败',
    ]);
  });

  it('is told once per campaign, however often the job runs after', async () => {
    const later = new Date(Date.now() + 3 * 60 * MINUTE);
    await sendDue(later);
    await sendDue(new Date(later.getTime() + 30 * MINUTE));
    expect(await alerts()).toHaveLength(1);
    expect(cards().filter((c) => c.title.includes('定时群发没发出去'))).toHaveLength(1);
  });

  it('is not alerted for a campaign sent now: the owner sees the error on the page', async () => {
    w.standin.state.injectError(ADD_TEMPLATE, 48002, 1);
    const res = await h.send({ audience: {}, text: '今天下午茶买一送一', key: 'now-fail-0001' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await alerts()).toHaveLength(1);
  });

  it('is a second alert for a second campaign, and none when the owner switched the alert off', async () => {
    const second = await scheduled(
      '国庆七天乐，全场第二杯半价',
      'national-fail-0001',
      new Date(Date.now() + 2 * MINUTE),
    );
    w.standin.state.injectError(ADD_TEMPLATE, 60020, 3); // the server's IP is not trusted any more
    for (const m of [1, 12, 23]) await sendDue(new Date(second.at.getTime() + m * MINUTE));
    expect((await campaign(second.id)).status).toBe('failed');
    const raised = await alerts();
    expect(raised).toHaveLength(2);
    expect(raised[1]!.body).toContain('企业可信IP');

    await setScenarios(w, { campaign_failed: { enabled: false } });
    const third = await scheduled('周末会员日', 'member-fail-0001', new Date(Date.now() + 2 * MINUTE));
    w.standin.state.injectError(ADD_TEMPLATE, 60020, 3);
    for (const m of [1, 12, 23]) await sendDue(new Date(third.at.getTime() + m * MINUTE));
    expect((await campaign(third.id)).status).toBe('failed');
    expect(await alerts()).toHaveLength(2);
  });
});
