// A promotion names the catalogue products whose names it holds, the longest name winning where names overlap: a
// sold-out 柠檬茶 does not block 「高温天冰柠檬茶第二杯半价」 while 冰柠檬茶 is on sale, and the owner is not told
// about a product the promotion is not about. A sold-out product the promotion does name still holds it back.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../knowledge/passages.js';
import { namedProducts, weatherOfferPlan } from './weather-offers.js';
import type { DayForecast } from './weather-signals.js';

const hot: DayForecast = {
  date: '2026-07-15',
  textDay: '晴',
  textNight: '晴',
  iconDay: 100,
  iconNight: 150,
  tempMax: 35,
  tempMin: 26,
  precipMm: 0,
};
const offer: Extract<Passage, { kind: 'policy' }> = {
  id: 'policy:p1',
  kind: 'policy',
  title: '高温天冰柠檬茶第二杯半价',
  text: '高温天冰柠檬茶第二杯半价 高温天冰柠檬茶第二杯半价，堂食外卖都可以',
  content: '高温天冰柠檬茶第二杯半价，堂食外卖都可以',
  policyKind: 'promotion',
};
const product = (name: string, stock: number) => ({
  _id: name,
  name,
  category: '果茶',
  tags: [],
  available: true,
  stock,
});

describe('a sold-out product whose name is part of the promoted one', () => {
  it('offers the promotion on 冰柠檬茶 (in stock) though a different product 柠檬茶 is sold out', () => {
    const plan = weatherOfferPlan(
      { day: hot },
      { passages: [offer], products: [product('冰柠檬茶', 30), product('柠檬茶', 0)] },
      33,
    );
    expect(plan).toMatchObject({ signal: 'heat', offer: { id: 'policy:p1' } });
    expect(plan && 'missing' in plan).toBe(false);
  });

  it('still holds the promotion back when it names the sold-out 柠檬茶 on its own too', () => {
    const both = { ...offer, text: '高温天柠檬茶、冰柠檬茶第二杯半价', content: '高温天柠檬茶、冰柠檬茶第二杯半价' };
    const plan = weatherOfferPlan(
      { day: hot },
      { passages: [both], products: [product('冰柠檬茶', 30), product('柠檬茶', 0)] },
      33,
    );
    expect(plan).toMatchObject({ signal: 'heat', missing: 'sold_out', product: '柠檬茶' });
  });

  it('names each product once, the longest name first, and a shorter product in stock may be recommended beside it', () => {
    const products = [product('柠檬茶', 12), product('冰柠檬茶', 30), product('茶', 5)];
    expect(namedProducts(offer.text, products).map((p) => p.name)).toEqual(['冰柠檬茶']);
    const plan = weatherOfferPlan({ day: hot }, { passages: [offer], products }, 33);
    expect(plan && 'picks' in plan && plan.picks.map((p) => p.name)).toEqual(['柠檬茶']);
  });
});
