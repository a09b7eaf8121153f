// Restaurant owner alerts from the shop's own pushes, on a controllable clock: a fridge or freezer out of its range
// (temperatures intake), the rota against leave and the peak hours (rota intake), and group-buy redemptions that
// look wrong (美团 / 抖音 核销 through the redemptions intake).
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { historyWindow } from '../../src/modules/orders/weekday-history.js';
import { setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;

const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const alerts = (kind: ScenarioKey) => w.app.container.alerts.repository.raised(w.tenant.merchantId, kind);
const titles = async (kind: ScenarioKey) => (await alerts(kind)).map((a) => a.title).sort();
const scan = (iso: string) => w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(iso));
async function openingHours(open: string, close: string) {
  const res = await w.app.request('/api/merchant/business-hours', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open, close })), holidays: [] },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

describe('fridge and freezer temperatures', () => {
  const reading = (device: string, time: string, value: number, type = 'freezer') => ({
    externalId: `${device}@${time}`,
    device,
    type,
    reading: value,
    at: `2026-11-30T${time}:00+08:00`,
  });

  beforeAll(async () => {
    const res = await post('temperatures', {
      readings: [
        reading('2号冷冻柜', '10:00', -20),
        reading('2号冷冻柜', '10:10', -12),
        reading('2号冷冻柜', '10:20', -10),
        reading('2号冷冻柜', '10:40', -11),
        // a fridge whose door stood open a moment: back in range ten minutes later
        reading('1号冷藏柜', '10:00', 12, 'fridge'),
        reading('1号冷藏柜', '10:10', 5, 'fridge'),
        { ...reading('蛋糕柜', '10:00', 9, 'fridge'), min: 2, max: 10 },
        { ...reading('坏读数', '10:00', -12), reading: '很冷' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 7, failed: [{ index: 7 }] });
  });

  it('says nothing while switched off', async () => {
    await setScenarios(w, { fridge_temperature: { enabled: false } });
    await scan('2026-11-30T11:00:00+08:00');
    expect(await alerts('fridge_temperature')).toEqual([]);
  });

  it('tells the owner once a unit has been out of range longer than the knob, once per episode', async () => {
    await setScenarios(w, { fridge_temperature: { enabled: true } });
    await scan('2026-11-30T10:35:00+08:00'); // 25 minutes out: not yet
    expect(await alerts('fridge_temperature')).toEqual([]);
    await scan('2026-11-30T10:45:00+08:00');
    await scan('2026-11-30T11:00:00+08:00');
    const raised = await alerts('fridge_temperature');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ title: '设备温度异常：2号冷冻柜温度过高', level: 'urgent', notify: 'sent' });
    expect(raised[0]!.body).toBe(
      '2号冷冻柜（冷冻）最新读数-11℃（今天10:40），安全范围-25～-18℃，从今天10:10起已超出35分钟。建议马上检查柜门和制冷，食材必要时转移到其他冷柜。',
    );
  });

  it('a unit back in range and out again is a new episode; a brief excursion and a unit’s own range are not', async () => {
    await post('temperatures', {
      readings: [reading('2号冷冻柜', '11:10', -19), reading('2号冷冻柜', '11:20', -5)],
    });
    await scan('2026-11-30T11:40:00+08:00'); // 20 minutes into the new episode
    expect(await alerts('fridge_temperature')).toHaveLength(1);
    await scan('2026-11-30T12:00:00+08:00');
    const raised = await alerts('fridge_temperature');
    expect(raised).toHaveLength(2);
    expect(raised.every((a) => a.title.startsWith('设备温度异常：2号冷冻柜'))).toBe(true);
  });

  it('a shorter knob is followed', async () => {
    await setScenarios(w, { fridge_temperature: { enabled: true, minutes: 5 } });
    await post('temperatures', { readings: [reading('1号冷藏柜', '12:00', -3, 'fridge')] });
    await scan('2026-11-30T12:06:00+08:00');
    expect(await titles('fridge_temperature')).toContain('设备温度异常：1号冷藏柜温度过低');
  });
});

describe('rota conflicts', () => {
  const shift = (externalId: string, staffName: string, start: string, end: string) => ({
    externalId,
    staffName,
    startAt: `${start}:00+08:00`,
    endAt: `${end}:00+08:00`,
  });

  beforeAll(async () => {
    // the last four Wednesdays: three orders at noon each
    const orders = ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'].flatMap((date) =>
      [0, 1, 2].map((i) => ({
        externalId: `ROTA-${date}-${i}`,
        placedAt: `${date}T12:1${i}:00+08:00`,
        channel: '堂食',
        amount: 5000,
        items: [{ name: '牛肉面', quantity: 1, unitPrice: 5000 }],
      })),
    );
    expect((await post('orders', { orders })).status).toBe(200);
    expect(
      (
        await post('staff-leaves', {
          leaves: [
            {
              externalId: 'QJ-1',
              staffName: '王五',
              from: '2026-12-03T00:00:00+08:00',
              to: '2026-12-04T00:00:00+08:00',
            },
          ],
        })
      ).status,
    ).toBe(200);
    const res = await post('rota', {
      shifts: [
        shift('B-1', '张三', '2026-12-02T10:00', '2026-12-02T14:00'),
        shift('B-2', '张三', '2026-12-02T13:00', '2026-12-02T18:00'),
        // covers half of the noon hour only
        shift('B-3', '李四', '2026-12-02T11:00', '2026-12-02T12:30'),
        shift('B-4', '王五', '2026-12-03T09:00', '2026-12-03T17:00'),
        // Thursday: no peak in its history, one person is enough
        shift('B-5', '赵六', '2026-12-03T09:00', '2026-12-03T17:00'),
        shift('BAD', '赵六', '2026-12-03T17:00', '2026-12-03T09:00'),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 5, failed: [{ index: 5 }] });
  });

  it('says nothing while switched off, or before the report time', async () => {
    await setScenarios(w, { rota_conflict: { enabled: false } });
    await scan('2026-12-01T10:00:00+08:00');
    await setScenarios(w, { rota_conflict: { enabled: true, peakOrders: 3 } });
    await scan('2026-12-01T07:00:00+08:00');
    expect(await alerts('rota_conflict')).toEqual([]);
  });

  it('tells of two shifts at once, a shift in a leave and a peak hour short of people, each once', async () => {
    await scan('2026-12-01T10:00:00+08:00');
    await scan('2026-12-01T10:15:00+08:00');
    const raised = await alerts('rota_conflict');
    expect(raised.map((a) => a.title).sort()).toEqual([
      '排班冲突：张三同一时间排了两个班',
      '排班冲突：王五请假期间有排班',
      '排班提醒：明天12:00高峰只排了1人',
    ]);
    expect(raised.find((a) => a.key.startsWith('peak:'))!.body).toBe(
      '过去4个同一天12:00–13:00平均3单，这个时段排班只有1人（张三），少于2人，建议加排人手。',
    );
    expect(raised.find((a) => a.key.startsWith('leave:'))!.body).toBe(
      '王五请假（12月3日 00:00–12月4日 00:00），但12月3日 09:00–12月3日 17:00的班还排着TA，建议换人顶班。',
    );
    // the owner knows shifts by their times: the sending system's shift ids are not shown
    const overlap = raised.find((a) => a.title.includes('同一时间'))!.body;
    expect(overlap).toMatch(/^张三的两个班（.+ 和 .+）时间重叠，建议调整其中一个。$/);
    expect(overlap).not.toMatch(/[A-Z]-\d/);
  });

  it('reads the weeks of orders once a day, and still tells a conflict that appears later that day', async () => {
    const { orders } = w.app.container.repositories;
    const inRange = vi.spyOn(orders, 'inRange');
    const window = (day: string) => historyWindow(day, 4, 'Asia/Shanghai').start.getTime();
    const reads = (day: string) => inRange.mock.calls.filter(([, start]) => start.getTime() === window(day));
    try {
      // the day's history was read at 10:00: later ticks do not read it again
      await scan('2026-12-01T10:30:00+08:00');
      expect(reads('2026-12-01')).toEqual([]);
      // a leave sent in the afternoon for a shift already on the rota is told at the next tick
      await post('staff-leaves', {
        leaves: [
          { externalId: 'QJ-2', staffName: '赵六', from: '2026-12-03T08:00:00+08:00', to: '2026-12-03T12:00:00+08:00' },
        ],
      });
      await scan('2026-12-01T14:00:00+08:00');
      expect(await titles('rota_conflict')).toContain('排班冲突：赵六请假期间有排班');
      expect(reads('2026-12-01')).toEqual([]);
      // the next day is a new day: its history is read once
      await scan('2026-12-02T10:00:00+08:00');
      await scan('2026-12-02T10:15:00+08:00');
      expect(reads('2026-12-02')).toHaveLength(1);
    } finally {
      inRange.mockRestore();
    }
  });

  it('a peak hour with enough people is no conflict', async () => {
    await setScenarios(w, { rota_conflict: { enabled: true, peakOrders: 3, minStaff: 1 } });
    await post('rota', { shifts: [shift('B-6', '孙七', '2026-12-09T11:00', '2026-12-09T14:00')] });
    await scan('2026-12-08T10:00:00+08:00');
    expect((await alerts('rota_conflict')).filter((a) => a.key.includes('2026-12-09'))).toEqual([]);
  });
});

describe('group-buy redemptions', () => {
  const MIN = 60_000;
  const redemption = (externalId: string, voucherCode: string, minutesAgo: number, staffName = '小美') => ({
    externalId,
    platform: '美团',
    voucherCode,
    deal: '双人套餐',
    amount: 9900,
    staffName,
    at: new Date(Date.now() - minutesAgo * MIN).toISOString(),
  });
  const found = async () => (await alerts('redemption_anomaly')).map((a) => a.title);

  beforeAll(() => openingHours('00:00', '00:00')); // open round the clock

  it('says nothing while switched off', async () => {
    await setScenarios(w, { redemption_anomaly: { enabled: false } });
    await post('redemptions', { redemptions: [redemption('HX-0', 'Q0', 30), redemption('HX-0b', 'Q0', 20)] });
    expect(await found()).toEqual([]);
  });

  it('says nothing of ordinary redemptions, a resend, or an old import', async () => {
    await setScenarios(w, { redemption_anomaly: { enabled: true } });
    await post('redemptions', { redemptions: [redemption('HX-1', 'Q1', 30), redemption('HX-2', 'Q2', 20, '小王')] });
    await post('redemptions', { redemptions: [redemption('HX-1', 'Q1', 30)] });
    await post('redemptions', { redemptions: [redemption('HX-OLD', 'Q1', 3 * 24 * 60)] });
    expect(await found()).toEqual([]);
  });

  it('tells of a voucher redeemed twice', async () => {
    await post('redemptions', { redemptions: [redemption('HX-3', 'Q3', 10), redemption('HX-4', 'Q3', 5, '小王')] });
    expect(await found()).toEqual(['团购核销异常：券码Q3被核销了2次']);
    expect((await alerts('redemption_anomaly'))[0]!.body).toMatch(
      // ten and five minutes ago: just after midnight in Shanghai they read "12月2日 23:57" rather than "今天23:57"
      /^券码Q3（双人套餐，美团）被核销了2次：(?:今天|\d+月\d+日 )\d\d:\d\d 小美；(?:今天|\d+月\d+日 )\d\d:\d\d 小王。同一张券只能用一次/,
    );
  });

  it('tells of one person redeeming many vouchers in minutes, once a day', async () => {
    await setScenarios(w, { redemption_anomaly: { enabled: true, count: 4, minutes: 10 } });
    const burst = [1, 2, 3, 4].map((i) => redemption(`HX-B${i}`, `QB${i}`, 9 - i, '阿强'));
    await post('redemptions', { redemptions: burst.slice(0, 3) });
    expect(await found()).not.toContain('团购核销异常：阿强10分钟内核销了4张');
    await post('redemptions', { redemptions: burst.slice(3) });
    await post('redemptions', { redemptions: [redemption('HX-B5', 'QB5', 0, '阿强')] });
    expect((await found()).filter((t) => t.includes('阿强'))).toEqual(['团购核销异常：阿强10分钟内核销了4张']);
  });

  it('tells of a redemption while the shop is closed', async () => {
    const hour = (new Date().getUTCHours() + 8) % 24; // Asia/Shanghai
    const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    await openingHours(hh(hour + 2), hh(hour + 3));
    await post('redemptions', { redemptions: [redemption('HX-N', 'QN', 1, '小李')] });
    expect(await found()).toContain('团购核销异常：券码QN在非营业时间核销');
  });
});
