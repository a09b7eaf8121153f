import { describe, expect, it } from 'vitest';
import { standInCustomer } from './stand-in-customer.js';

describe('the stand-in playing a customer', () => {
  it('exists only where the stand-in is the WeCom API, and never in production', () => {
    const standIn = { apiBase: 'http://127.0.0.1:40123' };
    expect(standInCustomer({ env: 'development', wecom: standIn } as never)).toBeDefined();
    expect(standInCustomer({ env: 'test', wecom: standIn } as never)).toBeDefined();
    expect(standInCustomer({ env: 'production', wecom: standIn } as never)).toBeUndefined();
    expect(standInCustomer({ env: 'development', wecom: { apiBase: 'https://qyapi.weixin.qq.com' } } as never)).toBe(
      undefined,
    );
  });
});
