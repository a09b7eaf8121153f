import { describe, expect, it } from 'vitest';
import { menuColumns, readMenuSheet, rowOfIssue } from './menu-sheet.js';

describe('the menu sheet’s columns', () => {
  it('reads units in brackets, option and attribute columns, and the prefixed ones', () => {
    expect(
      menuColumns(['商品名', '售价（元）', '颜色', '保质期', '规格:版型', '属性：版型', '备注'], {
        备注: 'description',
      }),
    ).toEqual({
      商品名: 'name',
      '售价（元）': 'price',
      颜色: 'option:颜色',
      保质期: 'attribute:保质期',
      '规格:版型': 'option:版型',
      '属性：版型': 'attribute:版型',
      备注: 'description',
    });
  });
});

describe('rows into products', () => {
  const mapping = menuColumns(['商品名', '分类', '规格', '价格', '属性']);
  it('groups rows of one name into its variants and reads "a=b;c=d" cells', () => {
    const { products, unnamed } = readMenuSheet(
      [
        { 商品名: '卫衣', 分类: '上衣', 规格: '颜色=灰;尺码=M', 价格: '199', 属性: '材质=棉；产地=杭州' },
        { 商品名: '卫衣', 分类: '', 规格: '颜色：灰；尺码：L', 价格: '¥209', 属性: '' },
        { 商品名: '', 分类: '上衣', 规格: '', 价格: '1', 属性: '' },
      ],
      mapping,
    );
    expect(unnamed).toEqual([{ row: 4, errors: { name: '请填写商品名称' } }]);
    expect(products).toEqual([
      {
        name: '卫衣',
        rows: [2, 3],
        errors: [],
        input: {
          name: '卫衣',
          category: '上衣',
          attributes: [
            { name: '材质', value: '棉' },
            { name: '产地', value: '杭州' },
          ],
          variants: [
            {
              options: [
                { name: '颜色', value: '灰' },
                { name: '尺码', value: 'M' },
              ],
              price: 19900,
            },
            {
              options: [
                { name: '颜色', value: '灰' },
                { name: '尺码', value: 'L' },
              ],
              price: 20900,
            },
          ],
        },
      },
    ]);
    // a schema error about the second variant belongs to the product's second row
    expect(rowOfIssue(products[0]!, ['variants', 1, 'price'])).toEqual({ row: 3, field: 'price' });
    expect(rowOfIssue(products[0]!, ['category'])).toEqual({ row: 2, field: 'category' });
  });
});
