// A campaign sent now whose WeCom call fails is answered as an error to the owner and ends `failed` with why: no job
// sends it later behind their back (an owner who corrected the text and sent again would have their customers
// messaged twice), and it is not asked of WeCom again and again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WecomApiError } from '../../src/modules/wecom/api/wecom-errors.js';
import { campaignHelpers } from '../support/campaign-helpers.js';
import { quietHoursAwayFromNow, setContactPolicy } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const h = campaignHelpers(() => w);
beforeAll(async () => {
  w = await startWecomTestApp();
  await quietHoursAwayFromNow(w);
  await setContactPolicy(w, { perWeek: 5 });
});
afterAll(() => w.close());

describe('a campaign whose immediate send failed', () => {
  it('is not sent later by the schedule job after the owner was told it failed', async () => {
    await h.contact('阿美');
    const client = w.app.container.wecom.client;
    const post = client.post.bind(client);
    let failing = true;
    client.post = (async (app: Parameters<typeof post>[0], path: string, body: Parameters<typeof post>[2]) => {
      if (failing && path === '/cgi-bin/externalcontact/add_msg_template')
        throw new WecomApiError(-1, 'system busy', path);
      return post(app, path, body);
    }) as typeof client.post;

    const first = await h.send({ audience: {}, text: '周末全场八折', key: 'review-fail-0001' });
    expect(first.status).toBe(500); // 系统开小差了，请稍后重试
    failing = false;
    // the owner gives up; eleven minutes later the schedule job runs and takes the "stale" claim up
    await w.app.container.campaigns.service.sendDue(w.tenant.merchantId, new Date(Date.now() + 11 * 60_000));
    expect(h.tasks('周末全场八折')).toEqual([]);
  });

  it('is not asked of WeCom again every ten minutes forever when WeCom keeps refusing it', async () => {
    const client = w.app.container.wecom.client;
    const post = client.post.bind(client);
    let asked = 0;
    client.post = (async (app: Parameters<typeof post>[0], path: string, body: Parameters<typeof post>[2]) => {
      if (path === '/cgi-bin/externalcontact/add_msg_template') {
        asked++;
        throw new WecomApiError(-1, 'system busy', path);
      }
      return post(app, path, body);
    }) as typeof client.post;
    await h.contact('阿强');
    const res = await h.send({ audience: {}, text: '新品上市', key: 'review-fail-0002' });
    expect(res.status).toBe(500);
    for (let day = 1; day <= 3; day++)
      await w.app.container.campaigns.service.sendDue(w.tenant.merchantId, new Date(Date.now() + day * 86_400_000));
    // a campaign the owner was told failed is ended (failed, with why), not retried for ever
    expect(asked).toBe(1);
    client.post = post;
    const [failed] = (await h.list()).body.campaigns.filter((c: { text: string }) => c.text === '新品上市');
    expect(failed).toMatchObject({ status: 'failed', failedReason: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
