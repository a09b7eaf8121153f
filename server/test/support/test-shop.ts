// A one-branch shop in the evaluation's shop-file shape, for the AI's unit tests: a test says only what it is about
// (name, industry, its products, FAQs, rules); the branch, its hours and the id are plain defaults.
import { knowledgeFor, type EvalShopFile } from '../../eval/eval-data.js';

type Hours = EvalShopFile['shops'][number]['hours'];

/** Open every day of the week, from `open` to `close`. */
export const everyDay = (open = '10:00', close = '21:00'): Hours => [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open, close }];

type TestShop = Omit<EvalShopFile, 'id' | 'kind' | 'shops'> & {
  id?: string;
  kind?: string;
  /** the branch's address (one branch, named as the shop) */
  address?: string;
  hours?: Hours;
  shops?: EvalShopFile['shops'];
};

export function testShop({ id, kind, address, hours, shops, ...shop }: TestShop): EvalShopFile {
  return {
    id: id ?? `test-${shop.name}`,
    kind: kind ?? shop.industry,
    shops: shops ?? [{ name: shop.name, address: address ?? '测试市测试路1号', hours: hours ?? everyDay() }],
    ...shop,
  };
}

/** The knowledge an owner's setup of this shop would store. */
export const testKnowledge = (shop: TestShop) => knowledgeFor(testShop(shop));
