// The sidebar in headless Chromium: the built page served by the real server, WeCom and the LLM played by their
// stand-ins, the WeCom client by the stand-in JS bridge (signatures checked against the tickets WeCom issued).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { bridgeCalls, launchChromium, screenshot, sidebarPage } from '../support/browser.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

const DIST = fileURLToPath(new URL('../../../client-sidebar/dist/index.html', import.meta.url));

let w: WecomTestApp;
let browser: Browser;
const llm = new LlmStandIn();
let externalUserId: string;
let customerId: string;

beforeAll(async () => {
  if (!existsSync(DIST))
    throw new Error('client-sidebar is not built: run `npm run build -w client-sidebar` (npm test does)');
  await llm.start();
  llm.fallback = (req) => {
    const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? 'missing';
    return {
      content: JSON.stringify({
        reply: '杨枝甘露中杯18元哦～今天有货',
        confidence: 0.9,
        needsHuman: false,
        reason: '菜单价格',
        citedIds: [id],
        proposedTags: [],
      }),
    };
  };
  w = await startWecomTestApp({ role: 'all', env: { JOBS_POLL_MS: '100' } });
  const { app, tenant } = w;
  await app.container.repositories.products.insertMany(tenant.merchantId, MILK_TEA_MENU);
  await app.request('/api/ai/llm-settings', {
    method: 'PUT',
    token: tenant.tokens.owner,
    body: { baseUrl: llm.url, model: 'qwen-plus', apiKey: 'sk-test-sidebar-1234', dailyTokenBudget: 100_000 },
  });
  for (const script of [
    {
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好，欢迎光临茶语时光～',
      attachment: { kind: 'image', url: `${app.url}/sidebar/demo/welcome-card.png` },
    },
    { category: '售后', title: '退款说明', content: '未制作的订单可以全额退款，已制作的我们给您重做一杯～' },
  ]) {
    expect((await app.request('/api/knowledge/scripts', { token: tenant.tokens.manager, body: script })).status).toBe(
      201,
    );
  }
  // A customer adds the staff member in WeCom (so the stand-in knows them too), and has ordered before.
  ({ externalUserId } = await w.standin.customers.addsMember(w.corpId, tenant.people.staff.wecomUserId, {
    name: '王小姐',
  }));
  // the worker role handles the callback in the background
  const customer = await vi.waitFor(
    async () => {
      const found = await app.container.repositories.customers.findByExternalUserId(tenant.merchantId, externalUserId);
      if (!found) throw new Error('the customer is not stored yet');
      return found;
    },
    { timeout: 10_000 },
  );
  customerId = customer._id.toHexString();
  const day = 86_400_000;
  await app.container.repositories.orders.insertMany(
    tenant.merchantId,
    [3, 10, 17, 24].map((ago, i) => ({
      externalId: `pos-${i}`,
      customerId: customer._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
      amount: 1800,
      placedAt: new Date(Date.now() - ago * day),
    })),
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
  await llm.stop();
});

const open = async (page: Page) => page.goto(`${w.app.url}/sidebar/?corp=${w.corpId}`);
const bridge = (extra: { entry: string; externalUserId?: string; chatId?: string }) => ({
  base: w.standin.url,
  corpId: w.corpId,
  ...extra,
});

describe('the sidebar page as served', () => {
  it('caches hashed assets for good, never index.html, and allows scripts only from itself and the stand-in', async () => {
    const redirect = await fetch(`${w.app.url}/sidebar?corp=x`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/sidebar/?corp=x');
    const index = await fetch(`${w.app.url}/sidebar/some/deep/link`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/sidebar\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${w.app.url}${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(index.headers.get('content-security-policy')).toContain(`script-src 'self' ${w.standin.url}`);
    expect((await fetch(`${w.app.url}/sidebar/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${w.app.url}/sidebar/..%2f..%2fpackage.json`)).headers.get('content-type')).toContain(
      'text/html',
    );
  });
});

describe('sidebar in a customer chat', () => {
  let page: Page;
  beforeAll(async () => {
    page = await sidebarPage(browser, bridge({ entry: 'single_chat_tools', externalUserId }));
  });

  it('signs in through WeCom OAuth, registers the JS-SDK and shows the customer', async () => {
    await open(page);
    await page.getByTestId('customer-name').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toContain('王小姐');
    expect(page.url()).not.toContain('code='); // the single-use code is gone from the address
    const header = await page.locator('.stats').textContent();
    expect(header).toContain('¥72');
    expect(header).toContain('4次');
    expect(header).toContain('7天/次');
    // config and agentConfig both verified by the stand-in with the server's signatures
    expect((await bridgeCalls(page, 'preVerifyJSAPI')).length).toBe(1);
    expect((await bridgeCalls(page, 'agentConfig'))[0]!.params).toMatchObject({ corpid: w.corpId, agentid: '1000002' });
    await page.locator('.draft').first().waitFor(); // drafts from their history arrive before any question
    await screenshot(page, 'sidebar-customer');
  });

  it('asks the AI, shows grounded drafts and sends one into the chat', async () => {
    await page.fill('#question', '杨枝甘露多少钱');
    await page.getByRole('button', { name: '生成回复' }).click();
    const answer = page.locator('.draft[data-kind=answer]');
    await answer.waitFor();
    expect(await answer.locator('.draft-text').textContent()).toBe('杨枝甘露中杯18元哦～今天有货');
    expect(await answer.locator('.draft-sources').textContent()).toContain('1 条店铺资料');
    expect(await page.locator('.draft[data-kind=favourite] .draft-text').textContent()).toContain(
      '王小姐，您常点的杨枝甘露今天有货',
    );
    expect(llm.seen.at(-1)!.stream).toBe(true);
    await screenshot(page, 'sidebar-ai-drafts');

    await answer.getByRole('button', { name: '发送' }).click();
    await page.getByText('已放入聊天框').waitFor();
    const [sent] = await bridgeCalls(page, 'sendChatMessage');
    expect(sent!.params).toMatchObject({
      msgtype: 'text',
      enterChat: true,
      text: { content: '杨枝甘露中杯18元哦～今天有货' },
      verifyAppId: w.corpId,
    });
    expect(sent!.params.verifySignature).toMatch(/^[0-9a-f]{40}$/);
    await vi.waitFor(async () =>
      expect(
        (await w.app.container.ai.draftFeedback.latest(w.tenant.merchantId)).find((f) => f.outcome === 'used'),
      ).toMatchObject({ draft: '杨枝甘露中杯18元哦～今天有货' }),
    );
  });

  it('edits a tag, which is saved and pushed to WeCom', async () => {
    await page.getByRole('tab', { name: '客户资料' }).click();
    await page.getByRole('button', { name: '+ 添加' }).click();
    await page.fill('input[placeholder="输入新标签"]', '爱喝少糖');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.locator('.tag', { hasText: '爱喝少糖' }).waitFor();
    const stored = await w.app.container.repositories.customers.findById(w.tenant.merchantId, customerId);
    expect(stored!.tags).toEqual(['爱喝少糖']);
    await vi.waitFor(
      () => {
        const tag = (w.standin.state.tagGroups.get(w.corpId) ?? [])
          .flatMap((g) => g.tags)
          .find((t) => t.name === '爱喝少糖');
        expect(tag).toBeDefined();
        expect(
          w.standin.state.contacts.get(externalUserId)!.followers.get(w.tenant.people.staff.wecomUserId)!.tagIds,
        ).toContain(tag!.id);
      },
      { timeout: 10_000, interval: 100 },
    );
    await screenshot(page, 'sidebar-profile');
  });

  it('finds a script by pinyin initials and sends it with its image', async () => {
    await page.getByRole('tab', { name: '话术' }).click();
    await page.fill('input[type=search]', 'hyc');
    const rows = page.locator('.script');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await screenshot(page, 'sidebar-scripts');
    await rows.first().getByRole('button', { name: '发送' }).click();
    await page.getByText('已放入聊天框').waitFor();
    const calls = await bridgeCalls(page, 'sendChatMessage');
    expect(calls.at(-2)!.params).toMatchObject({
      msgtype: 'text',
      text: { content: '王小姐您好，欢迎光临茶语时光～' },
    });
    const image = calls.at(-1)!.params as { msgtype: string; image: { mediaid: string } };
    expect(image.msgtype).toBe('image');
    expect(w.standin.state.media.get(image.image.mediaid)).toMatchObject({
      corpId: w.corpId,
      type: 'image',
      bytes: 3561,
    });
  });
});

describe('sidebar in a group chat', () => {
  it('shows the group and the customers we know in it', async () => {
    const chatId = w.standin.customers.createsGroup(
      w.corpId,
      w.tenant.people.staff.wecomUserId,
      '茶语时光 VIP 群',
      [externalUserId, 'wmStranger01'],
      '周三会员日第二杯半价',
    );
    const page = await sidebarPage(browser, bridge({ entry: 'group_chat_tools', chatId }));
    await open(page);
    await page.getByTestId('group-name').waitFor();
    expect(await page.getByTestId('group-name').textContent()).toBe('茶语时光 VIP 群');
    expect(await page.locator('.stats').textContent()).toContain('3人');
    expect(await page.locator('.members li').allTextContents()).toEqual([expect.stringContaining('王小姐')]);
    await screenshot(page, 'sidebar-group');
  });
});

describe('sidebar boot failures', () => {
  it('says in plain Chinese that the page is not on a trusted domain, and what the admin must set', async () => {
    const corp = w.standin.state.corp(w.corpId)!;
    corp.trustedDomains = ['shop.example.com'];
    try {
      const page = await sidebarPage(browser, bridge({ entry: 'single_chat_tools', externalUserId }));
      await open(page);
      await page.getByText('页面域名还不是可信域名').waitFor();
      expect(await page.locator('.state-detail').textContent()).toContain(
        `把「${new URL(w.app.url).host}」设为可信域名`,
      );
      await screenshot(page, 'sidebar-boot-failure');
    } finally {
      corp.trustedDomains = undefined;
    }
  });

  it('tells a WeCom member who is not staff to ask the owner', async () => {
    w.standin.state.addMember(w.corpId, 'newcomer', '新同事');
    w.standin.signedInAs(w.corpId, 'newcomer');
    try {
      const page = await sidebarPage(browser, bridge({ entry: 'single_chat_tools', externalUserId }));
      await open(page);
      await page.getByText('你还不是小二的员工').waitFor();
      expect(await page.locator('.state-detail').textContent()).toContain('把你加入小二应用的可见范围');
      await screenshot(page, 'sidebar-not-staff');
    } finally {
      w.standin.signedInAs(w.corpId, w.tenant.people.owner.wecomUserId);
    }
  });
});

describe('a member whose name WeCom withheld', () => {
  it('gives it in the sidebar at first sign-in, and works on', async () => {
    // synced from the app's visible range without a name (a 代开发 app the admin has not authorised for names)
    await w.app.container.repositories.staff.upsertFromDirectory(w.tenant.merchantId, 'nameless', undefined);
    w.standin.state.addMember(w.corpId, 'nameless', 'nameless');
    w.standin.signedInAs(w.corpId, 'nameless');
    try {
      const page = await sidebarPage(browser, bridge({ entry: 'single_chat_tools', externalUserId }));
      await open(page);
      await page.getByText('请填写你的姓名').waitFor();
      await page.getByTestId('customer-name').waitFor();
      await page.locator('[data-form=name] button').click();
      await page.getByText('请填写姓名').waitFor();
      await screenshot(page, 'sidebar-name-asked');
      await page.locator('[data-form=name] input').fill('赵六');
      await page.locator('[data-form=name] button').click();
      await page.locator('[data-form=name]').waitFor({ state: 'detached' });
      const member = await w.app.container.repositories.staff.findByWecomUserId(w.tenant.merchantId, 'nameless');
      expect(member).toMatchObject({ name: '赵六', nameMissing: false });
      expect(await page.getByTestId('customer-name').textContent()).toContain('王小姐');
    } finally {
      w.standin.signedInAs(w.corpId, w.tenant.people.owner.wecomUserId);
    }
  });
});
