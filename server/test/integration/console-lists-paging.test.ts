// The console's drafts inbox and alerts come a page at a time, newest first: twenty, then the rest from the cursor,
// none repeated or skipped where several share an instant; the inbox's 已处理 is every status but pending; another
// merchant's items never show, a bad cursor is refused, and without a page the lists stay whole (today's counts).
import type { DraftStatus } from '@xiaoer/common/constants/outreach';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
const MINUTE = 60_000;
const BASE = Date.now() - 100 * MINUTE;

/** `n` drafts of one status for one customer, a minute apart (the last three at the same instant). */
async function drafts(tenant: typeof t, status: DraftStatus, n: number, from: number) {
  const customer = await buildCustomer(app.container, tenant.merchantId, { name: `客人${status}${from}` });
  await app.container.repositories.drafts.insertMany(
    tenant.merchantId,
    Array.from({ length: n }, (_, i) => {
      const at = new Date(BASE + Math.min(from + i, from + n - 3) * MINUTE);
      return {
        scenario: 'dormant_winback',
        customerId: customer._id,
        day: `2026-01-${String(i + 1).padStart(2, '0')}`,
        text: `${status} ${from + i}`,
        reason: '好久没来了',
        citedIds: [],
        status,
        audit: [{ at, by: 'system', action: 'drafted' }],
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  other = await buildTenant(app.container);
  await drafts(t, 'pending', 23, 0);
  await drafts(t, 'sent', 12, 30);
  await drafts(t, 'rejected', 10, 50);
  await drafts(other, 'pending', 3, 0);
  const alerts = app.container.alerts.service;
  for (let i = 0; i < 24; i++)
    await alerts.raise(
      t.merchantId,
      [{ kind: 'low_stock', key: `item-${i}`, level: 'warning', title: `库存预警 ${i}`, body: '还剩 2 杯' }],
      new Date(BASE + Math.min(i, 21) * MINUTE),
    );
  await alerts.raise(
    other.merchantId,
    [{ kind: 'low_stock', key: 'x', level: 'warning', title: '别家的提醒', body: '还剩 1 杯' }],
    new Date(BASE),
  );
}, 60_000);
afterAll(() => app.close());

/** Every page of a list, following nextCursor; each page's items. */
async function pages(path: string, token = t.tokens.owner) {
  const all: { text?: string; title?: string; status: string }[][] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await app.request(`${path}${sep}limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      token,
    });
    expect(res.status).toBe(200);
    all.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && all.length < 10);
  return all;
}

describe('the drafts inbox', () => {
  it('pages the pending drafts twenty at a time, newest first, none repeated or skipped', async () => {
    const [first, second, ...rest] = await pages('/api/outreach/drafts?status=pending');
    expect(rest).toEqual([]);
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(3);
    const texts = [...first!, ...second!].map((d) => d.text);
    expect(new Set(texts).size).toBe(23);
    expect(texts.slice(-1)).toEqual(['pending 0']);
    expect([...first!, ...second!].every((d) => d.status === 'pending')).toBe(true);
  });

  it('lists as handled every draft that is no longer pending', async () => {
    const [first, second, ...rest] = await pages('/api/outreach/drafts?status=handled');
    expect(rest).toEqual([]);
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(2);
    const statuses = new Set([...first!, ...second!].map((d) => d.status));
    expect([...statuses].sort()).toEqual(['rejected', 'sent']);
    // newest first: the rejected ones were written last
    expect(first![0]!.status).toBe('rejected');
  });

  it('keeps the whole list without a page, and another merchant’s drafts out', async () => {
    const whole = await app.request('/api/outreach/drafts?status=pending', { token: t.tokens.owner });
    expect(whole.body.items).toHaveLength(23);
    expect(whole.body.nextCursor).toBeUndefined();
    const theirs = await pages('/api/outreach/drafts', other.tokens.owner);
    expect(theirs.flat()).toHaveLength(3);
  });

  it('refuses a bad cursor or limit in Chinese, and staff', async () => {
    const bad = await app.request('/api/outreach/drafts?limit=20&cursor=yesterday', { token: t.tokens.owner });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('翻页位置不正确');
    expect((await app.request('/api/outreach/drafts?limit=0', { token: t.tokens.owner })).status).toBe(400);
    expect((await app.request('/api/outreach/drafts?status=done', { token: t.tokens.owner })).status).toBe(400);
    expect((await app.request('/api/outreach/drafts?limit=20', { token: t.tokens.staff })).status).toBe(403);
  });
});

describe('the alerts', () => {
  it('pages the open alerts twenty at a time, newest first, none repeated or skipped', async () => {
    const [first, second, ...rest] = await pages('/api/alerts?status=open', t.tokens.manager);
    expect(rest).toEqual([]);
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(4);
    const titles = [...first!, ...second!].map((a) => a.title);
    expect(new Set(titles).size).toBe(24);
    expect(titles.at(-1)).toBe('库存预警 0');
    expect(titles).not.toContain('别家的提醒');
  });

  it('pages the handled ones on their own', async () => {
    const [open] = await pages('/api/alerts?status=open');
    const id = (open![0] as unknown as { id: string }).id;
    expect((await app.request(`/api/alerts/${id}/resolve`, { token: t.tokens.owner, body: {} })).status).toBe(200);
    const [resolved, ...more] = await pages('/api/alerts?status=resolved');
    expect(more).toEqual([]);
    expect(resolved!.map((a) => a.title)).toEqual([open![0]!.title]);
    expect((await pages('/api/alerts?status=open')).flat()).toHaveLength(23);
  });

  it('keeps the whole list without a page, and refuses a bad cursor', async () => {
    const whole = await app.request('/api/alerts', { token: t.tokens.owner });
    expect(whole.body.items).toHaveLength(24);
    expect(whole.body.nextCursor).toBeUndefined();
    const bad = await app.request('/api/alerts?limit=20&cursor=2026-13', { token: t.tokens.owner });
    expect(bad.status).toBe(400);
    expect((await app.request('/api/alerts?limit=20', { token: t.tokens.staff })).status).toBe(403);
  });
});
