// The business step's fields, as both the console (before sending) and the server (on arrival) check them.
import { describe, expect, it } from 'vitest';
import { merchantProfileUpdateSchema, shopInputSchema, shopPhoneSchema } from './merchant.js';

const phoneError = (phone: string) => shopPhoneSchema.safeParse(phone).error?.issues[0]?.message;

describe('the business step', () => {
  it('takes mobiles, landlines with their area code or an extension, and 400 numbers, spaces dropped', () => {
    expect(shopPhoneSchema.parse(' 138 0013 8000 ')).toBe('13800138000');
    for (const phone of ['028-12345678', '02812345678', '0755-1234567', '010-12345678-801', '400-820-8820'])
      expect(phoneError(phone)).toBeUndefined();
  });

  it('refuses a phone customers could not dial, saying what it should look like', () => {
    for (const phone of ['12345678', '1380013800', '28-12345678', 'call me'])
      expect(phoneError(phone)).toBe('电话格式不对：手机号 11 位，座机请带区号，如 028-12345678');
    expect(phoneError('   ')).toBe('请填写门店电话');
  });

  it('names each missing or wrong field of a shop in Chinese', () => {
    const result = shopInputSchema.safeParse({ name: ' ', address: '', phone: '138' });
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toEqual({
      name: '请填写门店名称',
      address: '请填写门店地址',
      phone: '电话格式不对：手机号 11 位，座机请带区号，如 028-12345678',
    });
    expect(shopInputSchema.safeParse({ name: '春熙路店', address: '成都', phone: '13800138000', x: 1 }).success).toBe(
      false,
    );
  });

  it('takes one of the five industries and a name of at most 50 characters', () => {
    expect(merchantProfileUpdateSchema.parse({ name: ' 茶语时光 ', industry: '餐饮' })).toEqual({
      name: '茶语时光',
      industry: '餐饮',
    });
    const wrong = merchantProfileUpdateSchema.safeParse({ name: '茶'.repeat(51), industry: '美容' });
    expect(wrong.error!.issues.map((i) => i.message)).toEqual([
      '店铺名称最多 50 个字',
      '行业请从这几项里选：餐饮、零售、电商、本地服务、教育培训',
    ]);
  });
});
