// The console's scripts page (话术): the variables staff send filled in, the attachments it accepts, and who may edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
});
afterAll(() => app.close());

const create = (body: Record<string, unknown>, token = t.tokens.manager) =>
  app.request('/api/knowledge/scripts', { token, body });

describe('scripts from the console', () => {
  it('fills the shop’s name and the customer’s when staff send a script, and counts the use', async () => {
    const script = await create({ category: '欢迎', title: '进店欢迎', content: '{客户称呼}您好，欢迎来到{店名}～' });
    expect(script.status).toBe(201);
    const customer = await buildCustomer(app.container, t.merchantId, { name: '王姐' });
    const used = await app.request(`/api/knowledge/scripts/${script.body.id}/use`, {
      token: t.tokens.staff,
      body: { customerId: String(customer._id) },
    });
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ text: `王姐您好，欢迎来到${t.merchant.name}～`, usageCount: 1 });
    const list = await app.request('/api/knowledge/scripts', { token: t.tokens.staff });
    expect(list.body.items.find((s: { id: string }) => s.id === script.body.id).usageCount).toBe(1);
  });

  it('keeps a link or mini-program card and refuses one missing its fields, field by field', async () => {
    const card = { kind: 'miniprogram', title: '点单', appid: 'wx1234567890abcdef', page: 'pages/menu/index' };
    const ok = await create({ category: '活动', title: '点单卡片', content: '在这里点单～', attachment: card });
    expect(ok.status).toBe(201);
    expect(ok.body.attachment).toEqual(card);
    const bad = await create({
      category: '活动',
      title: '坏链接',
      content: '看看',
      attachment: { kind: 'link', title: '', url: 'not a url' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['attachment.title', 'attachment.url']);
    expect(bad.body.fields['attachment.url']).toBe('请填写完整的网址，如 https://…');
    const empty = await create({ category: '', title: '', content: '' });
    expect(Object.keys(empty.body.fields).sort()).toEqual(['category', 'content', 'title']);
  });

  it('lets staff read and send but not edit; another shop’s script is not found', async () => {
    expect((await create({ category: '欢迎', title: '店员写', content: '你好' }, t.tokens.staff)).status).toBe(403);
    const mine = await create({ category: '售后', title: '致歉', content: '抱歉' });
    const other = await buildTenant(app.container);
    const put = await app.request(`/api/knowledge/scripts/${mine.body.id}`, {
      method: 'PUT',
      token: other.tokens.owner,
      body: { category: '售后', title: '致歉', content: '改掉' },
    });
    expect(put.status).toBe(404);
    const del = await app.request(`/api/knowledge/scripts/${mine.body.id}`, {
      method: 'DELETE',
      token: other.tokens.owner,
    });
    expect(del.status).toBe(404);
    const used = await app.request(`/api/knowledge/scripts/${mine.body.id}/use`, {
      token: other.tokens.staff,
      body: {},
    });
    expect(used.status).toBe(404);
  });
});
