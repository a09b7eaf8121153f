// The menu / catalogue spreadsheet, one row per variant: a clothing store's colour × size with attributes, a milk-tea
// shop's 中杯/大杯 (as a 杯型 column or a 规格 column), the console's template. Rows of one product are one product
// with its variants; a re-import updates (what the sheet has no column for stays); a wrong row is reported at its row
// number in Chinese and its product is not imported at all.
import { menuTemplateCsv } from '@xiaoer/common/constants/menu-sheet';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let shop: Awaited<ReturnType<typeof buildTenant>>;
let tea: Awaited<ReturnType<typeof buildTenant>>;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  shop = await buildTenant(app.container);
  tea = await buildTenant(app.container);
});
afterAll(() => app.close());

const CLOTHES = [
  '商品名,分类,颜色,尺码,价格(元),库存,别名,材质,产地,保养',
  '纯棉圆领T恤,上衣,白色,M,79,12,白T、圆领T,100% 棉,广东佛山,30 度以下水洗',
  '纯棉圆领T恤,上衣,白色,L,79,8,,,,',
  '纯棉圆领T恤,上衣,黄色,L,89,0,,,,',
  '加厚连帽卫衣,上衣,灰色,XL,199,3,,棉 80% 涤纶 20%,浙江杭州,',
  '加厚连帽卫衣,上衣,黑色,XL,199,,,,,',
].join('\n');

const importSheet = (token: string, body: Record<string, unknown>) =>
  app.request('/api/knowledge/products/import', { token, body });
const productsOf = async (token: string) =>
  (await app.request('/api/knowledge/products', { token })).body.items as {
    id: string;
    name: string;
    price: number;
    stock?: number;
    variants: { options: { name: string; value: string }[]; price: number; stock?: number }[];
    attributes: { name: string; value: string }[];
    aliases: string[];
    specs: unknown[];
  }[];
const named = async (token: string, name: string) => (await productsOf(token)).find((p) => p.name === name)!;

describe('a clothing store’s catalogue: colour × size', () => {
  it('previews the sheet: the columns understood, each product with its rows, nothing written', async () => {
    const res = await importSheet(shop.tokens.manager, { format: 'csv', content: CLOTHES, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rows: 5,
      created: 2,
      updated: 0,
      failed: [],
      dryRun: true,
      mapping: {
        商品名: 'name',
        分类: 'category',
        颜色: 'option:颜色',
        尺码: 'option:尺码',
        '价格(元)': 'price',
        库存: 'stock',
        别名: 'aliases',
        材质: 'attribute:材质',
        产地: 'attribute:产地',
        保养: 'attribute:保养',
      },
      items: [
        { name: '纯棉圆领T恤', rows: [2, 3, 4], result: 'created' },
        { name: '加厚连帽卫衣', rows: [5, 6], result: 'created' },
      ],
    });
    expect(await productsOf(shop.tokens.manager)).toEqual([]);
  });

  it('imports each product with its variants, each variant with its own price and stock', async () => {
    const res = await importSheet(shop.tokens.manager, { format: 'csv', content: CLOTHES });
    expect(res.body).toMatchObject({ created: 2, updated: 0, failed: [] });
    const tee = await named(shop.tokens.manager, '纯棉圆领T恤');
    expect(tee).toMatchObject({
      price: 7900,
      stock: 20,
      aliases: ['白T', '圆领T'],
      attributes: [
        { name: '材质', value: '100% 棉' },
        { name: '产地', value: '广东佛山' },
        { name: '保养', value: '30 度以下水洗' },
      ],
      variants: [
        {
          options: [
            { name: '颜色', value: '白色' },
            { name: '尺码', value: 'M' },
          ],
          price: 7900,
          stock: 12,
        },
        {
          options: [
            { name: '颜色', value: '白色' },
            { name: '尺码', value: 'L' },
          ],
          price: 7900,
          stock: 8,
        },
        {
          options: [
            { name: '颜色', value: '黄色' },
            { name: '尺码', value: 'L' },
          ],
          price: 8900,
          stock: 0,
        },
      ],
    });
    const hoodie = await named(shop.tokens.manager, '加厚连帽卫衣');
    // the black one does not count stock: the total is unknown rather than "3 left"
    expect(hoodie.variants[1]).not.toHaveProperty('stock');
    expect(hoodie).not.toHaveProperty('stock');
    const kb = await app.container.knowledge.base.get(shop.merchantId);
    expect(kb.products.find((p) => p.name === '纯棉圆领T恤')?.variants?.[2]).toMatchObject({ stock: 0 });
  });

  it('updates on a second import instead of duplicating, keeping what the sheet has no column for', async () => {
    const tee = await named(shop.tokens.manager, '纯棉圆领T恤');
    await app.request(`/api/knowledge/products/${tee.id}`, {
      method: 'PUT',
      token: shop.tokens.manager,
      body: {
        name: tee.name,
        category: '上衣',
        variants: tee.variants,
        aliases: ['白T'],
        attributes: tee.attributes,
        specs: [{ name: '包装', options: [{ label: '礼盒', priceDelta: 1000 }] }],
      },
    });
    const restock = ['商品名,颜色,尺码,价格,库存', '纯棉圆领T恤,黄色,L,89,6', '纯棉圆领T恤,黄色,XL,89,2'].join('\n');
    const res = await importSheet(shop.tokens.manager, { format: 'csv', content: restock });
    expect(res.body).toMatchObject({ created: 0, updated: 1, failed: [] });
    const after = await named(shop.tokens.manager, '纯棉圆领T恤');
    expect(after.variants.map((v) => [v.options.map((o) => o.value).join(''), v.stock])).toEqual([
      ['黄色L', 6],
      ['黄色XL', 2],
    ]);
    // no 分类, 别名 or 材质 column: they stay; the add-on specs too
    expect(after).toMatchObject({ aliases: ['白T'], specs: [{ name: '包装' }] });
    expect(after.attributes).toHaveLength(3);
    expect((await productsOf(shop.tokens.manager)).filter((p) => p.name === '纯棉圆领T恤')).toHaveLength(1);
  });

  it('reports each wrong row by its number in Chinese, and leaves a product with a wrong row out whole', async () => {
    const sheet = [
      '商品名,分类,颜色,尺码,价格,库存',
      '牛仔外套,外套,蓝色,M,299,5',
      '牛仔外套,外套,蓝色,L,二百九,5',
      '牛仔外套,外套,,,299,5',
      ',外套,蓝色,S,299,1',
      '亚麻衬衫,上衣,白色,M,159,-2',
      '羊毛围巾,配饰,,,99,10',
      '羊毛围巾,配饰,,,109,10',
      '帆布包,,,,59,10',
      '丝巾,配饰,,,39,3',
    ].join('\n');
    const res = await importSheet(shop.tokens.manager, { format: 'csv', content: sheet });
    expect(res.status).toBe(200);
    expect(res.body.failed).toEqual([
      { row: 2, errors: { _: '「牛仔外套」第 3 行有错，这个商品整个没有导入' } },
      { row: 3, errors: { price: '价格「二百九」看不懂，请写数字，如 18 或 16.5' } },
      { row: 4, errors: { options: '「牛仔外套」的其他行填了规格，这一行也要填（如颜色、尺码、杯型）' } },
      { row: 5, errors: { name: '请填写商品名称' } },
      { row: 6, errors: { stock: '库存「-2」看不懂，请写整数，如 20' } },
      { row: 7, errors: { _: '「羊毛围巾」第 8 行有错，这个商品整个没有导入' } },
      { row: 8, errors: { name: '「羊毛围巾」已在第 7 行出现；同一商品有多种规格时请填上规格列' } },
      { row: 9, errors: { category: '请填写分类' } },
    ]);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    expect(res.body.items).toContainEqual({ name: '丝巾', rows: [10], result: 'created' });
    expect(res.body.items).toContainEqual({ name: '牛仔外套', rows: [2, 3, 4], result: 'failed' });
    const names = (await productsOf(shop.tokens.manager)).map((p) => p.name);
    expect(names).toContain('丝巾');
    for (const left of ['牛仔外套', '亚麻衬衫', '羊毛围巾', '帆布包']) expect(names).not.toContain(left);
  });
});

describe('a milk-tea shop’s menu: 中杯 / 大杯', () => {
  it('reads cup sizes from a 规格 column, "大杯" alone or "杯型=大杯", from an Excel file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('菜单');
    sheet.addRow(['商品名', '分类', '规格', '价格', '过敏原', '别名', '属性']);
    sheet.addRow(['杨枝甘露', '鲜果茶', '中杯', 16, '牛奶', '杨枝', '保质期=现做现喝，2 小时内']);
    sheet.addRow(['杨枝甘露', '鲜果茶', '大杯', 19, '', '', '']);
    sheet.addRow(['多肉葡萄', '鲜果茶', '杯型=中杯', 18, '', '', '']);
    sheet.addRow(['多肉葡萄', '鲜果茶', '杯型=大杯', 21.5, '', '', '']);
    sheet.addRow(['美式咖啡', '咖啡', '', 12, '', '', '']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const res = await importSheet(tea.tokens.manager, { format: 'xlsx', content });
    expect(res.body).toMatchObject({ rows: 5, created: 3, failed: [] });
    expect(await named(tea.tokens.manager, '杨枝甘露')).toMatchObject({
      price: 1600,
      aliases: ['杨枝'],
      attributes: [{ name: '保质期', value: '现做现喝，2 小时内' }],
      variants: [
        { options: [{ name: '规格', value: '中杯' }], price: 1600 },
        { options: [{ name: '规格', value: '大杯' }], price: 1900 },
      ],
    });
    expect((await named(tea.tokens.manager, '多肉葡萄')).variants.map((v) => [v.options[0], v.price])).toEqual([
      [{ name: '杯型', value: '中杯' }, 1800],
      [{ name: '杯型', value: '大杯' }, 2150],
    ]);
    expect(await named(tea.tokens.manager, '美式咖啡')).toMatchObject({ price: 1200, variants: [] });
  });

  it('imports the console’s template as it is', async () => {
    const other = await buildTenant(app.container);
    const res = await importSheet(other.tokens.manager, { format: 'csv', content: menuTemplateCsv() });
    expect(res.body).toMatchObject({ created: 3, failed: [] });
    expect(await named(other.tokens.manager, '杨枝甘露')).toMatchObject({
      variants: [{ options: [{ name: '杯型', value: '中杯' }] }, { options: [{ name: '杯型', value: '大杯' }] }],
    });
  });

  it('keeps the import a manager’s, and one merchant’s sheet out of another’s menu', async () => {
    expect((await importSheet(tea.tokens.staff, { format: 'csv', content: CLOTHES })).status).toBe(403);
    expect((await productsOf(tea.tokens.manager)).map((p) => p.name)).not.toContain('纯棉圆领T恤');
  });
});
