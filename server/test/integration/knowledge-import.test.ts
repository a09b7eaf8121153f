import ExcelJS from 'exceljs';
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

const CSV = [
  '商品名称,分类,售价,标签,库存,在售',
  '杨枝甘露,鲜果茶,18,爆款、新品,30,是',
  '椰椰拿铁,咖啡,¥16.5,,,是',
  ',奶茶,12,,,',
  '烤奶,奶茶,十二元,,,',
].join('\n');

describe('spreadsheet import', () => {
  it('previews a CSV: the column mapping and each row’s result, writing nothing', async () => {
    const res = await app.request('/api/knowledge/products/import', {
      token: t.tokens.manager,
      body: { format: 'csv', content: CSV, dryRun: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rows: 4,
      created: 2,
      updated: 0,
      dryRun: true,
      mapping: { 商品名称: 'name', 分类: 'category', 售价: 'price', 标签: 'tags', 库存: 'stock', 在售: 'available' },
    });
    expect(res.body.failed).toEqual([
      { row: 4, errors: { name: '请填写商品名称' } },
      { row: 5, errors: { price: expect.any(String) } },
    ]);
    expect((await app.request('/api/knowledge/products', { token: t.tokens.manager })).body.items).toEqual([]);
  });

  it('imports valid rows, and a second import updates instead of duplicating', async () => {
    const first = await app.request('/api/knowledge/products/import', {
      token: t.tokens.manager,
      body: { format: 'csv', content: CSV },
    });
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    const second = await app.request('/api/knowledge/products/import', {
      token: t.tokens.manager,
      body: { format: 'csv', content: CSV.replace('杨枝甘露,鲜果茶,18', '杨枝甘露,鲜果茶,19') },
    });
    expect(second.body).toMatchObject({ created: 0, updated: 2 });
    const items = (await app.request('/api/knowledge/products', { token: t.tokens.manager })).body.items;
    expect(items.map((p: { name: string; price: number }) => [p.name, p.price]).sort()).toEqual([
      ['杨枝甘露', 1900],
      ['椰椰拿铁', 1650],
    ]);
    expect(items.find((p: { name: string }) => p.name === '杨枝甘露').tags).toEqual(['爆款', '新品']);
  });

  it('reads an Excel sheet, with a custom column mapping', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('FAQ');
    sheet.addRow(['顾客会怎么问', '我们怎么答']);
    sheet.addRow(['能带宠物吗|宠物能进店吗', '小型宠物可以抱着进店～']);
    sheet.addRow(['', '没有问题的一行']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const res = await app.request('/api/knowledge/faqs/import', {
      token: t.tokens.manager,
      body: { format: 'xlsx', content, mapping: { 顾客会怎么问: 'questions', 我们怎么答: 'answer' } },
    });
    expect(res.body).toMatchObject({
      rows: 2,
      created: 1,
      failed: [{ row: 3, errors: { questions: '至少填写一个问法' } }],
    });
    const faqs = (await app.request('/api/knowledge/faqs', { token: t.tokens.staff })).body.items;
    expect(faqs[0].questions).toEqual(['能带宠物吗', '宠物能进店吗']);
  });

  it('says clearly when the file cannot be read', async () => {
    const res = await app.request('/api/knowledge/products/import', {
      token: t.tokens.manager,
      body: { format: 'xlsx', content: 'bm90IGFuIHhsc3g=' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Excel 文件无法读取，请另存为 .xlsx 后重试');
  });
});

describe('scripts library (话术)', () => {
  it('fills the variables for the customer and counts each use', async () => {
    const created = await app.request('/api/knowledge/scripts', {
      token: t.tokens.manager,
      body: {
        category: '新品推荐',
        title: '推荐新品',
        content: '{客户称呼}，本周推荐{推荐商品}，来店里尝尝吧～',
        attachment: { kind: 'link', title: '本周菜单', url: 'https://example.cn/menu' },
      },
    });
    expect(created.status).toBe(201);
    const customer = await buildCustomer(app.container, t.merchantId, { name: '小周', remark: '周小姐' });
    const used = await app.request(`/api/knowledge/scripts/${created.body.id}/use`, {
      token: t.tokens.staff,
      body: { customerId: String(customer._id) },
    });
    expect(used.body).toMatchObject({
      text: '周小姐，本周推荐杨枝甘露，来店里尝尝吧～',
      usageCount: 1,
      attachment: { kind: 'link', url: 'https://example.cn/menu' },
    });
    const again = await app.request(`/api/knowledge/scripts/${created.body.id}/use`, {
      token: t.tokens.staff,
      body: {},
    });
    expect(again.body).toMatchObject({ text: '您，本周推荐杨枝甘露，来店里尝尝吧～', usageCount: 2 });
    const other = await buildTenant(app.container);
    expect(
      (await app.request(`/api/knowledge/scripts/${created.body.id}/use`, { token: other.tokens.staff, body: {} }))
        .status,
    ).toBe(404);
  });
});
