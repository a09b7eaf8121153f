// The sidebar's API through the WeCom stand-in: OAuth URL, profile by external id, tag picker, group details,
// the script library (pinyin, favourites) and image media kept fresh — each with its bad paths and tenant walls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_REUSE_SECONDS } from '../../src/modules/wecom/media.service.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let other: Awaited<ReturnType<typeof buildTenant>>;
let externalUserId: string;
let imageScriptId: string;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082',
  'hex',
);
let imageServer: { url: string; close(): Promise<void> };

beforeAll(async () => {
  w = await startWecomTestApp();
  other = await buildTenant(w.app.container);
  ({ externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name: '李先生',
  }));
  await w.drain();
  const { createServer } = await import('node:http');
  const server = createServer((req, res) =>
    req.url === '/card.png'
      ? res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
      : res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  imageServer = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
  const created = await w.app.request('/api/knowledge/scripts', {
    token: w.tenant.tokens.manager,
    body: {
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好～',
      attachment: { kind: 'image', url: `${imageServer.url}/card.png` },
    },
  });
  imageScriptId = created.body.id;
});
afterAll(async () => {
  await w.close();
  await imageServer.close();
});

describe('sign-in URL', () => {
  it('points at WeCom OAuth for a known corp, and refuses unknown corps and bad redirects', async () => {
    const ok = await w.app.request(
      `/api/auth/wecom/oauth-url?corpId=${w.corpId}&redirectUri=${encodeURIComponent('https://shop.example.com/sidebar/?corp=x')}`,
    );
    const url = new URL(ok.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${w.standin.url}/connect/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      appid: w.corpId,
      scope: 'snsapi_base',
      agentid: '1000002',
      redirect_uri: 'https://shop.example.com/sidebar/?corp=x',
    });
    expect(url.hash).toBe('#wechat_redirect');
    const unknown = await w.app.request('/api/auth/wecom/oauth-url?corpId=wwnobody&redirectUri=https%3A%2F%2Fa.b%2F');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('还没有接入小二');
    expect((await w.app.request(`/api/auth/wecom/oauth-url?corpId=${w.corpId}&redirectUri=not-a-url`)).status).toBe(
      400,
    );
  });
});

describe('customer profile by external id', () => {
  it('returns the record with insights, and nothing for another merchant', async () => {
    const res = await w.app.request(`/api/customers/by-external/${externalUserId}`, { token: w.tenant.tokens.staff });
    expect(res.status).toBe(200);
    expect(res.body.customer.name).toBe('李先生');
    expect(res.body.insights).toMatchObject({ totalSpend: 0, visits: 0, lifecycle: '新客', favouriteItems: [] });
    const foreign = await w.app.request(`/api/customers/by-external/${externalUserId}`, { token: other.tokens.staff });
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toContain('还没有这位客户的资料');
  });
});

describe('tag picker', () => {
  it('lists WeCom corp tags by group and the tags only we use', async () => {
    w.standin.state.tagGroups.set(w.corpId, [
      {
        groupId: 'g1',
        groupName: '客户等级',
        order: 0,
        tags: [{ id: 'et1', name: '金卡会员', order: 0, createTime: 0 }],
      },
    ]);
    await w.app.container.tagSync.pull((await w.app.container.wecom.apps.findByMerchant(w.tenant.merchantId))!);
    await buildCustomer(w.app.container, w.tenant.merchantId, { tags: ['少糖党', '金卡会员'] });
    const res = await w.app.request('/api/tags', { token: w.tenant.tokens.staff });
    expect(res.body.groups).toEqual([
      { groupName: '客户等级', tags: ['金卡会员'] },
      { groupName: '小二标签', tags: ['少糖党'] },
    ]);
    expect((await w.app.request('/api/tags', { token: other.tokens.staff })).body.groups).toEqual([]);
  });
});

describe('group chat', () => {
  it('shows the group with the customers we know, and 404 for unknown or foreign groups', async () => {
    const chatId = w.standin.customers.createsGroup(
      w.corpId,
      w.tenant.people.staff.wecomUserId,
      '会员群',
      [externalUserId, 'wmUnknown'],
      '公告',
    );
    const res = await w.app.request(`/api/groups/${chatId}`, { token: w.tenant.tokens.staff });
    expect(res.body).toMatchObject({
      chatId,
      name: '会员群',
      notice: '公告',
      memberCount: 3,
      staffCount: 1,
      unknownCustomerCount: 1,
    });
    expect(res.body.knownCustomers.map((c: { name: string }) => c.name)).toEqual(['李先生']);
    const missing = await w.app.request('/api/groups/wrnothere', { token: w.tenant.tokens.staff });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('没有找到这个客户群');
    expect((await w.app.request(`/api/groups/${chatId}`, { token: other.tokens.staff })).status).toBe(404); // no WeCom app
  });
});

describe('script library', () => {
  it('gives pinyin initials and keeps favourites per member', async () => {
    const list = await w.app.request('/api/knowledge/script-library', { token: w.tenant.tokens.staff });
    const script = list.body.items.find((s: { id: string }) => s.id === imageScriptId);
    expect(script.initials).toContain('hyc');
    expect(script.favourite).toBe(false);
    expect(
      (
        await w.app.request(`/api/knowledge/scripts/${imageScriptId}/favourite`, {
          method: 'PUT',
          token: w.tenant.tokens.staff,
          body: { favourite: true },
        })
      ).status,
    ).toBe(200);
    const mine = await w.app.request('/api/knowledge/script-library', { token: w.tenant.tokens.staff });
    expect(mine.body.items[0]).toMatchObject({ id: imageScriptId, favourite: true });
    const managers = await w.app.request('/api/knowledge/script-library', { token: w.tenant.tokens.manager });
    expect(managers.body.items.find((s: { id: string }) => s.id === imageScriptId).favourite).toBe(false);
    const foreign = await w.app.request(`/api/knowledge/scripts/${imageScriptId}/favourite`, {
      method: 'PUT',
      token: other.tokens.staff,
      body: { favourite: true },
    });
    expect(foreign.status).toBe(404);
    expect(
      (
        await w.app.request(`/api/knowledge/scripts/${imageScriptId}/favourite`, {
          method: 'PUT',
          token: w.tenant.tokens.staff,
          body: { favourite: 'yes' },
        })
      ).status,
    ).toBe(400);
  });

  it('uploads a script image once, reuses the media_id, and uploads again before WeCom’s three days run out', async () => {
    const use = () =>
      w.app.request(`/api/knowledge/scripts/${imageScriptId}/use`, { token: w.tenant.tokens.staff, body: {} });
    const first = await use();
    const mediaId = first.body.attachment.mediaId as string;
    expect(w.standin.state.media.get(mediaId)).toMatchObject({ type: 'image', bytes: PNG.length });
    expect((await use()).body.attachment.mediaId).toBe(mediaId);
    expect(w.standin.state.calls.get('/cgi-bin/media/upload')).toBe(1);
    const key = (await w.app.container.redis.keys('*wecom:media:*')).find((k) => !k.endsWith(':lock'))!;
    expect(await w.app.container.redis.ttl(key)).toBeGreaterThan(MEDIA_REUSE_SECONDS - 60);
    expect(MEDIA_REUSE_SECONDS).toBeLessThan(3 * 24 * 3600);
    await w.app.container.redis.del(key); // the reuse period is over
    expect((await use()).body.attachment.mediaId).not.toBe(mediaId);
  });

  it('says plainly when a script image cannot be used', async () => {
    const bad = await w.app.request('/api/knowledge/scripts', {
      token: w.tenant.tokens.manager,
      body: {
        category: '欢迎',
        title: '坏图片',
        content: '您好',
        attachment: { kind: 'image', url: `${imageServer.url}/page.html` },
      },
    });
    const res = await w.app.request(`/api/knowledge/scripts/${bad.body.id}/use`, {
      token: w.tenant.tokens.staff,
      body: {},
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('话术图片打不开，请在话术库里换一张');
  });
});
