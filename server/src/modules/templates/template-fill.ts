// Filling a template's placeholders from the shop's data when it is applied (pure). A fact the data does not have yet
// becomes a blank, so the item waits for the owner instead of saying something the shop never said.
import { SHOP_FACT_LABELS, type ShopFactTopic } from '@xiaoer/common/constants/shop-facts';
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import type { MerchantRecord } from '../merchants/merchant.repository.js';
import type { ShopRecord } from '../shops/shop.repository.js';
import { describeHours } from '../knowledge/passages.js';

/** The business step's facts customers ask about (common/constants/shop-facts.ts) a template may quote. */
export const FACT_PLACEHOLDERS = {
  '{付款方式}': 'payment',
  '{外卖平台}': 'delivery_platforms',
  '{预约方式}': 'booking',
  '{快递公司}': 'couriers',
  '{发货地}': 'ship_from',
  '{发货时间}': 'shipping_time',
  '{发票}': 'invoice',
  '{WiFi}': 'wifi',
} as const satisfies Record<string, Exclude<ShopFactTopic, 'other'>>;
type FactPlaceholder = keyof typeof FACT_PLACEHOLDERS;

const SHOP_LABELS = {
  '{店名}': '店名',
  '{营业时间}': '营业时间',
  '{客服时间}': '客服在线时间',
  '{门店地址}': '门店地址',
  '{门店电话}': '门店电话',
};
type ShopPlaceholder = keyof typeof SHOP_LABELS;

/** Filled from the merchant's data when the template is applied (a fact the data lacks becomes a blank). */
export const APPLY_PLACEHOLDERS = [
  ...(Object.keys(SHOP_LABELS) as ShopPlaceholder[]),
  ...(Object.keys(FACT_PLACEHOLDERS) as FactPlaceholder[]),
];

export type ShopFacts = Record<ShopPlaceholder | FactPlaceholder, string | undefined>;

/** Each shop's value, named by shop when there are several ("A店：…；B店：…"). */
function perShop(shops: ShopRecord[], field: 'address' | 'phone'): string | undefined {
  const withValue = shops.filter((s) => s[field]);
  if (withValue.length === 0) return undefined;
  if (shops.length === 1) return withValue[0]![field];
  return withValue.map((s) => `${s.name}：${s[field]}`).join('；');
}

export function shopFacts(
  merchant: Pick<MerchantRecord, 'name' | 'businessHours' | 'facts' | 'serviceHours'>,
  shops: ShopRecord[],
): ShopFacts {
  const fact = (topic: ShopFactTopic) => merchant.facts?.find((f) => f.topic === topic)?.text.trim() || undefined;
  return {
    '{店名}': merchant.name || undefined,
    '{营业时间}': describeHours(merchant as MerchantRecord) || undefined,
    // 客服 answers online in its own hours; without them, in the shop's (the business step's meaning of "absent")
    '{客服时间}':
      describeHours({
        ...merchant,
        businessHours: merchant.serviceHours ?? merchant.businessHours,
      } as MerchantRecord) || undefined,
    '{门店地址}': perShop(shops, 'address'),
    '{门店电话}': perShop(shops, 'phone'),
    ...(Object.fromEntries(
      Object.entries(FACT_PLACEHOLDERS).map(([placeholder, topic]) => [placeholder, fact(topic)]),
    ) as Record<FactPlaceholder, string | undefined>),
  };
}

const labelOf = (placeholder: keyof ShopFacts) =>
  placeholder in FACT_PLACEHOLDERS
    ? SHOP_FACT_LABELS[FACT_PLACEHOLDERS[placeholder as FactPlaceholder]]
    : SHOP_LABELS[placeholder as ShopPlaceholder];

/** The text with the shop's facts in; a missing fact left as a blank for the owner. Other placeholders stay. */
export function fillFacts(text: string, facts: ShopFacts): string {
  let out = text;
  for (const [placeholder, value] of Object.entries(facts) as [keyof ShopFacts, string | undefined][])
    out = out.replaceAll(placeholder, value ?? blank(labelOf(placeholder)));
  return out;
}
