import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

describe('channel codes (联系我)', () => {
  it('creates a code per source and counts the customers each one brings', async () => {
    const res = await w.app.request('/api/channel-codes', {
      token: w.tenant.tokens.manager,
      body: { channel: 'table_card', label: '3号桌', staffIds: [String(w.tenant.people.staff._id)] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'table_card', label: '3号桌', adds: 0 });
    expect(res.body.state).toMatch(/^table_card:[0-9a-f]{8}$/);
    const way = [...w.standin.state.contactWays.values()].find((c) => c.state === res.body.state);
    expect(way?.users).toEqual([w.tenant.people.staff.wecomUserId]);

    for (const name of ['桌码客一', '桌码客二']) {
      await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
        name,
        state: res.body.state,
      });
    }
    await w.drain();
    const list = await w.app.request('/api/channel-codes', { token: w.tenant.tokens.manager });
    expect(list.body.items.find((c: { id: string }) => c.id === res.body.id).adds).toBe(2);
    const customer = (
      await w.app.request(`/api/customers?q=${encodeURIComponent('桌码客一')}`, { token: w.tenant.tokens.manager })
    ).body.items[0];
    expect(customer.sourceChannel).toBe('table_card');
  });

  it('is for managers, and only with their own staff', async () => {
    const asStaff = await w.app.request('/api/channel-codes', {
      token: w.tenant.tokens.staff,
      body: { channel: 'flyer', label: '传单', staffIds: [String(w.tenant.people.staff._id)] },
    });
    expect(asStaff.status).toBe(403);
    const other = await buildTenant(w.app.container);
    const foreign = await w.app.request('/api/channel-codes', {
      token: w.tenant.tokens.manager,
      body: { channel: 'flyer', label: '传单', staffIds: [String(other.people.staff._id)] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toBe('有员工不存在或已停用');
  });
});
