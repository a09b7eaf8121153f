import type { MerchantDto, ShopDto } from '@xiaoer/common/schemas/merchant';
import type { ShopRecord } from '../shops/shop.repository.js';
import type { MerchantRecord } from './merchant.repository.js';

export const presentShop = (s: ShopRecord): ShopDto => ({
  id: s._id.toHexString(),
  name: s.name,
  address: s.address ?? undefined,
  phone: s.phone ?? undefined,
  ...(s.parking ? { parking: s.parking } : {}),
  ...(typeof s.lat === 'number' && typeof s.lng === 'number' ? { lat: s.lat, lng: s.lng } : {}),
  ...(s.businessHours?.length
    ? { businessHours: s.businessHours.map(({ weekday, open, close }) => ({ weekday, open, close })) }
    : {}),
});

export const presentMerchant = (m: MerchantRecord, shops: ShopRecord[]): MerchantDto => ({
  id: m._id.toHexString(),
  name: m.name,
  industry: m.industry,
  timezone: m.timezone,
  businessHours: m.businessHours.map(({ weekday, open, close }) => ({ weekday, open, close })),
  holidays: m.holidays.map(({ date, name, closed, open, close }) => ({ date, name, closed, open, close })),
  autoReply: { mode: m.autoReply?.mode ?? 'after_hours' },
  shops: shops.map(presentShop),
  facts: (m.facts ?? []).map(({ topic, label, text }) => ({ topic, ...(label ? { label } : {}), text })),
  ...(m.serviceHours
    ? { serviceHours: m.serviceHours.map(({ weekday, open, close }) => ({ weekday, open, close })) }
    : {}),
});
