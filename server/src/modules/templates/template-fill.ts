// Filling a template's placeholders from the shop's data when it is applied (pure). A fact the data does not have yet
// becomes a blank, so the item waits for the owner instead of saying something the shop never said.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import type { MerchantRecord } from '../merchants/merchant.repository.js';
import type { ShopRecord } from '../shops/shop.repository.js';
import { describeHours } from '../knowledge/passages.js';
import type { APPLY_PLACEHOLDERS } from './industry-template.js';

export type ShopFacts = Record<(typeof APPLY_PLACEHOLDERS)[number], string | undefined>;

/** Each shop's value, named by shop when there are several ("A店：…；B店：…"). */
function perShop(shops: ShopRecord[], field: 'address' | 'phone'): string | undefined {
  const withValue = shops.filter((s) => s[field]);
  if (withValue.length === 0) return undefined;
  if (shops.length === 1) return withValue[0]![field];
  return withValue.map((s) => `${s.name}：${s[field]}`).join('；');
}

export function shopFacts(merchant: Pick<MerchantRecord, 'name' | 'businessHours'>, shops: ShopRecord[]): ShopFacts {
  return {
    '{店名}': merchant.name || undefined,
    '{营业时间}': describeHours(merchant as MerchantRecord) || undefined,
    '{门店地址}': perShop(shops, 'address'),
    '{门店电话}': perShop(shops, 'phone'),
  };
}

const LABELS: Record<keyof ShopFacts, string> = {
  '{店名}': '店名',
  '{营业时间}': '营业时间',
  '{门店地址}': '门店地址',
  '{门店电话}': '门店电话',
};

/** The text with the shop's facts in; a missing fact left as a blank for the owner. Other placeholders stay. */
export function fillFacts(text: string, facts: ShopFacts): string {
  let out = text;
  for (const [placeholder, value] of Object.entries(facts) as [keyof ShopFacts, string | undefined][])
    out = out.replaceAll(placeholder, value ?? blank(LABELS[placeholder]));
  return out;
}
