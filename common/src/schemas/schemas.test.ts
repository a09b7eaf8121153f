import { describe, expect, it } from 'vitest';
import { roleAtLeast } from '../constants/roles.js';
import { objectIdSchema } from './common.js';
import { customerListQuerySchema, customerUpdateSchema } from './customer.js';
import { businessHoursUpdateSchema } from './merchant.js';

describe('objectIdSchema', () => {
  it('accepts 24-hex ids and nothing that could carry a Mongo operator', () => {
    expect(objectIdSchema.safeParse('64b0000000000000000000aa').success).toBe(true);
    for (const bad of [{ $gt: '' }, ['64b0000000000000000000aa'], '64b0', 'zzzzzzzzzzzzzzzzzzzzzzzz', 42]) {
      expect(objectIdSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('customer schemas', () => {
  it('coerces and bounds the page size', () => {
    expect(customerListQuerySchema.parse({ limit: '5' }).limit).toBe(5);
    expect(customerListQuerySchema.parse({}).limit).toBe(20);
    expect(customerListQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
  });

  it('rejects unknown fields in an update', () => {
    const result = customerUpdateSchema.safeParse({ remark: '老顾客', merchantId: 'x' });
    expect(result.success).toBe(false);
  });

  it('checks mainland mobile numbers', () => {
    expect(customerUpdateSchema.safeParse({ phone: '13812345678' }).success).toBe(true);
    expect(customerUpdateSchema.safeParse({ phone: '2345678' }).success).toBe(false);
  });
});

describe('business hours', () => {
  it('accepts HH:mm spans and rejects impossible times', () => {
    expect(
      businessHoursUpdateSchema.safeParse({ businessHours: [{ weekday: 1, open: '09:00', close: '02:00' }] }).success,
    ).toBe(true);
    expect(
      businessHoursUpdateSchema.safeParse({ businessHours: [{ weekday: 7, open: '09:00', close: '22:00' }] }).success,
    ).toBe(false);
    expect(
      businessHoursUpdateSchema.safeParse({ businessHours: [{ weekday: 1, open: '24:00', close: '22:00' }] }).success,
    ).toBe(false);
  });
});

describe('roleAtLeast', () => {
  it('orders staff < manager < owner', () => {
    expect(roleAtLeast('owner', 'manager')).toBe(true);
    expect(roleAtLeast('manager', 'manager')).toBe(true);
    expect(roleAtLeast('staff', 'manager')).toBe(false);
  });
});
