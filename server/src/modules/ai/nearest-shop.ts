// A customer shares their location: which of the merchant's shops is nearest. By distance where the shops have
// coordinates; otherwise by the district (区/县) named in both addresses; a merchant with one shop has one answer.
// What the reply says comes only from the shop's own data: name, address, distance, parking, phone.
import type { KfLocation } from '../conversations/kf-message-kinds.js';
import type { KnownShop } from '../knowledge/passages.js';

export interface NearestShop {
  shop: KnownShop;
  /** straight-line distance, when both ends have coordinates */
  km?: number;
  /** the district both addresses name, when that is how it was found */
  district?: string;
}

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine): a few metres off at city scale, which is all "nearest" needs. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** The districts (县级: 区, 县, 县级市 …) an address names, most specific last: 上海市徐汇区… → [徐汇区]. */
export function districtsOf(address: string): string[] {
  const withoutCity = address.replace(/^.{2,3}?(省|自治区)/, '').replace(/^.{2,4}?市(?=.{2,4}?(区|县|市))/, '');
  return [...withoutCity.matchAll(/[\u4e00-\u9fa5]{1,5}?(?:新区|区|县|旗)/g)].map((m) => m[0]).slice(0, 2);
}

const located = (s: KnownShop): s is KnownShop & { lat: number; lng: number } =>
  Number.isFinite(s.lat) && Number.isFinite(s.lng);

export function nearestShop(shops: KnownShop[], place: KfLocation): NearestShop | null {
  const mapped = shops.filter(located);
  if (mapped.length) {
    const from = { lat: place.latitude, lng: place.longitude };
    const [best] = mapped.map((shop) => ({ shop, km: distanceKm(from, shop) })).sort((a, b) => a.km - b.km);
    return best!;
  }
  const districts = districtsOf(`${place.address ?? ''} ${place.name ?? ''}`);
  for (const district of districts) {
    const shop = shops.find((s) => s.address?.includes(district));
    if (shop) return { shop, district };
  }
  return shops.length === 1 ? { shop: shops[0]! } : null;
}

const distanceText = (km: number) =>
  km < 1 ? `约${Math.max(50, Math.round(km * 20) * 50)}米` : `约${km.toFixed(1)}公里`;

/** One reply from the shop's data: which shop, where, how far, parking and phone where the shop has them. */
export function describeNearest({ shop, km, district }: NearestShop, shopCount: number): string {
  const which = shopCount > 1 ? `离您最近的是${shop.name}` : `我们的门店是${shop.name}`;
  const parts = [
    `${which}${km !== undefined ? `，距离您${distanceText(km)}` : district ? `，也在${district}` : ''}`,
    shop.address && `地址：${shop.address}`,
    shop.parking && `停车：${shop.parking}`,
    shop.phone && `电话：${shop.phone}`,
  ].filter(Boolean);
  return `${parts.join('；')}。`;
}
