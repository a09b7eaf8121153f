import type { NewProduct } from '../modules/catalog/product.repository.js';

const cup = {
  name: '杯型',
  options: [
    { label: '中杯', priceDelta: 0 },
    { label: '大杯', priceDelta: 300 },
  ],
};
const sugar = {
  name: '甜度',
  options: ['全糖', '七分糖', '五分糖', '三分糖', '不另外加糖'].map((label) => ({ label, priceDelta: 0 })),
};
const ice = {
  name: '温度',
  options: ['正常冰', '少冰', '去冰', '常温', '热'].map((label) => ({ label, priceDelta: 0 })),
};
const drink = [cup, sugar, ice];

const item = (name: string, category: string, yuan: number, extra: Partial<NewProduct> = {}): NewProduct => ({
  name,
  category,
  price: Math.round(yuan * 100),
  specs: category === '小食' ? [] : drink,
  tags: [],
  allergens: [],
  available: true,
  stock: 80,
  ...extra,
});

/** 茶语时光's menu: prices in yuan here, stored in fen. */
export const MILK_TEA_MENU: NewProduct[] = [
  item('招牌珍珠奶茶', '经典奶茶', 12, { tags: ['爆款'], allergens: ['牛奶'], description: '锡兰红茶配手煮黑糖珍珠' }),
  item('黑糖珍珠鲜奶', '经典奶茶', 15, { tags: ['爆款'], allergens: ['牛奶'] }),
  item('芋泥波波奶茶', '经典奶茶', 15, { allergens: ['牛奶'], description: '现蒸荔浦芋泥' }),
  item('炭烧烤奶', '经典奶茶', 13, { allergens: ['牛奶'] }),
  item('茉莉奶绿', '经典奶茶', 12, { allergens: ['牛奶'] }),
  item('杨枝甘露', '鲜果茶', 18, { tags: ['爆款'], allergens: ['牛奶'], description: '新鲜芒果、西柚、西米' }),
  item('满杯百香果', '鲜果茶', 13),
  item('多肉葡萄', '鲜果茶', 19, { tags: ['新品'], description: '当季巨峰葡萄现剥' }),
  item('芝士莓莓', '鲜果茶', 19, { allergens: ['牛奶'], stock: 6 }),
  item('暴打柠檬茶', '鲜果茶', 10),
  item('满杯红柚', '鲜果茶', 16),
  item('生椰拿铁', '咖啡', 16, { tags: ['新品'] }),
  item('美式咖啡', '咖啡', 12),
  item('抹茶拿铁', '咖啡', 16, { allergens: ['牛奶'] }),
  item('草莓啵啵冰', '冰沙', 17, { allergens: ['牛奶'], available: true, stock: 3 }),
  item('芒果冰沙', '冰沙', 15),
  item('葡式蛋挞', '小食', 8, { allergens: ['鸡蛋', '牛奶', '小麦'] }),
  item('香酥鸡排', '小食', 12, { allergens: ['小麦'] }),
  item('手工麻薯', '小食', 6, { available: false, stock: 0 }),
];

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * The menu as the owner's spreadsheet (the import's usual headers), one row per product: the add-on choices
 * (杯型, 甜度, 温度) have no column, the owner sets them in the editor after the import.
 */
export function menuSheet(): string {
  const rows = MILK_TEA_MENU.map((p) =>
    [
      p.name,
      p.category,
      (p.price / 100).toFixed(2),
      String(p.stock ?? ''),
      p.description ?? '',
      p.tags.join('、'),
      p.allergens.join('、'),
      p.available ? '是' : '否',
    ]
      .map(cell)
      .join(','),
  );
  return ['商品名,分类,价格,库存,描述,标签,过敏原,在售', ...rows].join('\n');
}
