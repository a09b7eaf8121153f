import { describe, expect, it } from 'vitest';
import type { KnownShop } from '../knowledge/passages.js';
import { describeNearest, distanceKm, districtsOf, nearestShop } from './nearest-shop.js';

const shop = (fields: Partial<KnownShop>) => ({ name: '店', ...fields }) as KnownShop;
const at = (latitude: number, longitude: number, address?: string) => ({ latitude, longitude, address });

describe('nearest shop', () => {
  it('measures city distances to within a few metres (人民广场 → 徐家汇 is about 5.2 km)', () => {
    expect(distanceKm({ lat: 31.2304, lng: 121.4737 }, { lat: 31.1952, lng: 121.4371 })).toBeCloseTo(5.2, 0);
  });

  it('reads the district out of an address, without the province or city', () => {
    expect(districtsOf('上海市徐汇区漕溪北路88号')).toEqual(['徐汇区']);
    expect(districtsOf('浙江省杭州市西湖区文三路')).toEqual(['西湖区']);
    expect(districtsOf('上海市浦东新区张江路')).toEqual(['浦东新区']);
    expect(districtsOf('南京西路1266号')).toEqual([]);
  });

  it('picks by distance where shops have coordinates, ignoring those without', () => {
    const near = shop({ name: '近', lat: 31.2, lng: 121.44 });
    const far = shop({ name: '远', lat: 31.3, lng: 121.6 });
    const unknown = shop({ name: '无坐标', address: '上海市徐汇区' });
    expect(nearestShop([far, unknown, near], at(31.19, 121.43))?.shop.name).toBe('近');
  });

  it('falls back to the district, then to the only shop, and otherwise knows none', () => {
    const a = shop({ name: 'A', address: '上海市静安区南京西路1号' });
    const b = shop({ name: 'B', address: '上海市徐汇区天钥桥路2号' });
    expect(nearestShop([a, b], at(31, 121, '上海市徐汇区虹桥路1号'))).toMatchObject({ shop: b, district: '徐汇区' });
    expect(nearestShop([a, b], at(31, 121, '上海市闵行区'))).toBeNull();
    expect(nearestShop([a], at(31, 121, '上海市闵行区'))).toEqual({ shop: a });
    expect(nearestShop([], at(31, 121))).toBeNull();
  });

  it('says only what the shop data holds', () => {
    expect(describeNearest({ shop: shop({ name: '徐汇店' }), km: 0.34 }, 2)).toBe(
      '离您最近的是徐汇店，距离您约350米。',
    );
    expect(
      describeNearest({ shop: shop({ name: '总店', address: '中山路1号', parking: '地下车库B2', phone: '123' }) }, 1),
    ).toBe('我们的门店是总店；地址：中山路1号；停车：地下车库B2；电话：123。');
  });
});
