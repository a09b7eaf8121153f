import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let tenant: Awaited<ReturnType<typeof buildTenant>>;

beforeAll(async () => {
  app = await startTestApp({
    role: 'api',
    env: { BODY_LIMIT: '16kb', CORS_ORIGINS: 'http://sidebar.test', REQUEST_TIMEOUT_MS: '2000' },
  });
  tenant = await buildTenant(app.container);
});
afterAll(() => app.close());

describe('bad input', () => {
  it('answers 413 for an oversized body and stores nothing', async () => {
    const c = await buildCustomer(app.container, tenant.merchantId);
    const res = await app.request(`/api/customers/${c._id}/notes`, {
      token: tenant.tokens.staff,
      body: { text: 'x'.repeat(20_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'payload_too_large', message: '提交的内容太大了，请精简后重试' });
    const after = await app.container.repositories.customers.findById(tenant.merchantId, c._id.toHexString());
    expect(after?.notes).toHaveLength(0);
  });

  it('answers 400 invalid_json for malformed JSON', async () => {
    const c = await buildCustomer(app.container, tenant.merchantId);
    const res = await app.request(`/api/customers/${c._id}`, {
      method: 'PATCH',
      token: tenant.tokens.staff,
      rawBody: '{"remark": "半截',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_json');
  });

  it('rejects Mongo operators in an id field', async () => {
    const res = await app.request('/api/auth/demo-login', { body: { staffId: { $gt: '' } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.fields.staffId).toBeTruthy();
    const inQuery = await app.request('/api/customers?followStaffId[$ne]=x', { token: tenant.tokens.staff });
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.error).toBe('validation_failed');
    const inPath = await app.request(`/api/customers/${encodeURIComponent('{"$gt":""}')}`, {
      token: tenant.tokens.staff,
    });
    expect(inPath.status).toBe(400);
  });

  it('names each bad field in Chinese and rejects unknown fields', async () => {
    const c = await buildCustomer(app.container, tenant.merchantId);
    const res = await app.request(`/api/customers/${c._id}`, {
      method: 'PATCH',
      token: tenant.tokens.staff,
      body: { phone: '12345', birthday: '5月1日', vip: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({ phone: '手机号格式不正确', birthday: '日期格式应为 YYYY-MM-DD' });
    expect(res.body.fields._).toContain('vip');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await app.request('/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });

  it('rejects a malformed page cursor with a clear message', async () => {
    const res = await app.request('/api/customers?cursor=garbage', { token: tenant.tokens.staff });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('分页参数无效，请刷新列表');
  });
});

describe('customers API', () => {
  it('pages through customers, most recent contact first, without repeats', async () => {
    const t = await buildTenant(app.container);
    const base = Date.now();
    for (let i = 0; i < 7; i++)
      await buildCustomer(app.container, t.merchantId, {
        name: `分页${i}`,
        lastContactAt: new Date(base - i * 60_000),
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await app.request(`/api/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        token: t.tokens.staff,
      });
      seen.push(...res.body.items.map((c: { name: string }) => c.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['分页0', '分页1', '分页2', '分页3', '分页4', '分页5', '分页6']);
  });

  it('searches by name and phone number and filters by tag', async () => {
    const t = await buildTenant(app.container);
    await buildCustomer(app.container, t.merchantId, { name: '王小芳', phone: '13900001111', tags: ['高价值客户'] });
    await buildCustomer(app.container, t.merchantId, { name: '李雷', phone: '13900002222' });
    const names = async (qs: string) =>
      (await app.request(`/api/customers?${qs}`, { token: t.tokens.staff })).body.items.map(
        (c: { name: string }) => c.name,
      );
    expect(await names(`q=${encodeURIComponent('小芳')}`)).toEqual(['王小芳']);
    expect(await names('q=13900002222')).toEqual(['李雷']); // staff by the whole number (suffixes: customer-consent)
    expect(await names(`tag=${encodeURIComponent('高价值客户')}`)).toEqual(['王小芳']);
    expect(await names(`q=${encodeURIComponent('.*')}`)).toEqual([]); // regex characters are literal
  });

  it('updates tags (deduplicated), birthday and opt-out, and records follow-up notes', async () => {
    const c = await buildCustomer(app.container, tenant.merchantId);
    const res = await app.request(`/api/customers/${c._id}`, {
      method: 'PATCH',
      token: tenant.tokens.manager, // the birthday is the manager's (customer-profile-edits)
      body: { tags: ['爱喝少糖', '爱喝少糖', '周末常来'], birthday: '1995-08-17', optedOut: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tags: ['爱喝少糖', '周末常来'], birthday: '1995-08-17', optedOut: true });
    const stored = await app.container.repositories.customers.findById(tenant.merchantId, c._id.toHexString());
    expect(stored?.birthdayMonthDay).toBe('08-17');
    expect(stored?.optedOutAt).toBeInstanceOf(Date);
    const noted = await app.request(`/api/customers/${c._id}/notes`, {
      token: tenant.tokens.staff,
      body: { text: '下次推荐新品杨枝甘露' },
    });
    expect(noted.status).toBe(201);
    expect(noted.body.notes[0]).toMatchObject({
      text: '下次推荐新品杨枝甘露',
      staffId: String(tenant.people.staff._id),
    });
  });
});

describe('headers', () => {
  it('sets security headers and echoes a request id', async () => {
    const res = await app.request('/healthz', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const generated = await app.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS only for the configured client origins', async () => {
    const allowed = await app.request('/healthz', { headers: { origin: 'http://sidebar.test' } });
    const denied = await app.request('/healthz', { headers: { origin: 'http://evil.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://sidebar.test');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});
