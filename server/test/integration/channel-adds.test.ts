// The console's 联系我 page: the codes staff may read, and the customers each channel and code brings, week by week.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const makeCode = async (channel: string, label: string) =>
  (
    await w.app.request('/api/channel-codes', {
      token: w.tenant.tokens.manager,
      body: { channel, label, staffIds: [String(w.tenant.people.staff._id)] },
    })
  ).body as { id: string; state: string };

const addThrough = (state: string, name: string) =>
  w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, { name, state });

describe('adds per channel and code, by week', () => {
  it('counts each customer once under the code and the channel its state names', async () => {
    const table3 = await makeCode('table_card', '3号桌');
    const table5 = await makeCode('table_card', '5号桌');
    const bag = await makeCode('delivery_note', '外卖袋');
    await addThrough(table3.state, '周客一');
    await addThrough(table3.state, '周客二');
    await addThrough(table5.state, '周客三');
    await addThrough(bag.state, '周客四');
    await addThrough('flyer:outside', '周客五'); // a state made outside the console still names its channel
    await w.drain();

    const res = await w.app.request('/api/channel-codes/adds?weeks=4', { token: w.tenant.tokens.staff });
    expect(res.status).toBe(200);
    const { weeks, channels, codes } = res.body as {
      weeks: string[];
      channels: { channel: string; counts: number[] }[];
      codes: { id: string; counts: number[] }[];
    };
    expect(weeks).toHaveLength(4);
    for (const monday of weeks) expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(new Date(`${weeks[3]}T00:00:00Z`).getTime() - new Date(`${weeks[0]}T00:00:00Z`).getTime()).toBe(
      21 * 86_400_000,
    );
    const total = (counts: number[] | undefined) => (counts ?? []).reduce((a, b) => a + b, 0);
    const channel = (c: string) => total(channels.find((x) => x.channel === c)?.counts);
    expect(channel('table_card')).toBe(3);
    expect(channel('delivery_note')).toBe(1);
    expect(channel('flyer')).toBe(1);
    const code = (id: string) => codes.find((c) => c.id === id)?.counts;
    expect(total(code(table3.id))).toBe(2);
    expect(total(code(table5.id))).toBe(1);
    expect(code(table3.id)).toHaveLength(4);
    // every add this run falls in the same (current) week
    expect(code(table3.id)!.filter((n) => n > 0)).toHaveLength(1);

    const list = await w.app.request('/api/channel-codes', { token: w.tenant.tokens.staff });
    expect(list.status).toBe(200);
    expect(list.body.items.find((c: { id: string }) => c.id === table3.id).adds).toBe(2);
  });

  it('answers another shop with its own (empty) counts, not this one’s', async () => {
    const other = await buildTenant(w.app.container);
    const res = await w.app.request('/api/channel-codes/adds', { token: other.tokens.manager });
    expect(res.status).toBe(200);
    expect(res.body.weeks).toHaveLength(8);
    expect(res.body.channels).toEqual([]);
    expect(res.body.codes).toEqual([]);
  });

  it('refuses a bad number of weeks with the field’s message', async () => {
    for (const weeks of ['0', '27', 'abc']) {
      const res = await w.app.request(`/api/channel-codes/adds?weeks=${weeks}`, { token: w.tenant.tokens.manager });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual(['weeks']);
    }
  });

  it('lets staff read but not make codes, and asks for a session', async () => {
    const made = await w.app.request('/api/channel-codes', {
      token: w.tenant.tokens.staff,
      body: { channel: 'flyer', label: '传单', staffIds: [String(w.tenant.people.staff._id)] },
    });
    expect(made.status).toBe(403);
    const anonymous = await w.app.request('/api/channel-codes/adds');
    expect(anonymous.status).toBe(401);
    const bad = await w.app.request('/api/channel-codes', {
      token: w.tenant.tokens.manager,
      body: { channel: 'moon', label: '', staffIds: [] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['channel', 'label', 'staffIds']);
  });

  it('lets a manager change the welcome a channel sends, and staff read it', async () => {
    const items = [
      { channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}～' },
      { channel: 'delivery_note', text: '{客户称呼}您好，感谢点{店名}的外卖～' },
    ];
    const saved = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: w.tenant.tokens.manager,
      body: { items },
    });
    expect(saved.status).toBe(200);
    const read = await w.app.request('/api/knowledge/welcome-texts', { token: w.tenant.tokens.staff });
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual(expect.arrayContaining(items));
    const asStaff = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: w.tenant.tokens.staff,
      body: { items },
    });
    expect(asStaff.status).toBe(403);
  });
});
