// A salon's notices about customers' own bookings on a controllable clock: the reminder the evening before, a
// technician's leave told to the customers booked with them with another technician offered (one who has done that
// service here and is not on leave) or a new time, and the follow-up a day after a service with a review invitation —
// each with its trigger and non-trigger, and the customer who opted out left out by the scan's shared consent check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord> = {};
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const iso = (date: string, time: string) => `${date}T${time}:00+08:00`;

async function customer(name: string, phone: string, optedOut = false) {
  const c = await contactWithPhone(w, name, phone, optedOut);
  people[name] = c;
}
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const booking = (id: string, phone: string, service: string, date: string, time: string, extra = {}) => ({
  externalId: id,
  service,
  startAt: iso(date, time),
  status: 'booked',
  customer: { phone },
  ...extra,
});
const scenario = (key: string) => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === key)!;
const run = (key: string, now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(key), now);
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const texts = async (key: string) =>
  (await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: key }))
    .map((d) => `${nameOf(d.customerId)}|${d.text}`)
    .sort();
const suppressed = async (key: string) =>
  (await w.app.container.repositories.suppressions.list(w.tenant.merchantId))
    .filter((s) => s.scenario === key)
    .map((s) => `${nameOf(s.customerId)}:${s.reason}`);

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '本地服务' },
  });
  await customer('明天染发的王姐', '13900000001');
  await customer('后天染发的李姐', '13900000002');
  await customer('后天剪发的孙哥', '13900000003');
  await customer('退订的吴姐', '13900000004', true);
  await customer('下周护理的周姐', '13900000005');
  const res = await post('appointments', {
    appointments: [
      booking('A1', '13900000001', '染发', '2026-11-24', '14:00', { staffName: 'Tony' }),
      booking('A2', '13900000002', '染发', '2026-11-25', '15:00', { staffName: 'Tony' }),
      booking('A3', '13900000003', '剪发', '2026-11-25', '16:00', { staffName: 'Tony' }),
      booking('A4', '13900000004', '染发', '2026-11-24', '10:00', { staffName: 'Tony' }),
      booking('A5', '13900000005', '护理', '2026-11-27', '11:00', { staffName: 'Tony' }),
      // Amy coloured 周姐's hair last month: she can take Tony's colouring
      { ...booking('P1', '13900000005', '染发', '2026-10-20', '11:00', { staffName: 'Amy' }), status: 'completed' },
    ],
  });
  expect(res.body).toMatchObject({ created: 6, unmatchedCustomers: 0, failed: [] });
});
afterAll(() => w.close());

describe('the reminder the day before', () => {
  it('goes out at 18:00 to tomorrow’s bookings only', async () => {
    expect(await run('appointment_reminder', at('2026-11-23', '17:50'))).toBe('not_due');
    expect(await run('appointment_reminder', at('2026-11-23', '18:05'))).toEqual({ drafted: 1, suppressed: 1 });
    expect(await texts('appointment_reminder')).toEqual([
      '明天染发的王姐|明天染发的王姐，提醒一下：您明天14:00约了染发，Tony为您服务，到时见～时间有变的话随时告诉我。',
    ]);
    expect(await suppressed('appointment_reminder')).toEqual(['退订的吴姐:opted_out']);
  });
});

describe('a technician’s leave', () => {
  it('tells the customers booked with them during it, offering who has done the service or a new time', async () => {
    expect(await run('staff_leave', at('2026-11-23', '11:00'))).toEqual({ drafted: 0, suppressed: 0 }); // no leave yet
    const res = await post('staff-leaves', {
      leaves: [
        { externalId: 'LV1', staffName: 'Tony', from: iso('2026-11-24', '00:00'), to: iso('2026-11-26', '00:00') },
      ],
    });
    expect(res.body).toMatchObject({ created: 1, failed: [] });
    expect(await run('staff_leave', at('2026-11-23', '11:15'))).toEqual({ drafted: 3, suppressed: 1 });
    expect(await texts('staff_leave')).toEqual([
      '后天剪发的孙哥|后天剪发的孙哥，很抱歉通知您：Tony这几天请假，您11月25日 16:00约的剪发需要调整一下。帮您改个时间好吗？您看什么时候方便？',
      '后天染发的李姐|后天染发的李姐，很抱歉通知您：Tony这几天请假，您11月25日 15:00约的染发需要调整一下。可以换Amy为您做染发，时间不变；也可以改个时间。您看哪个方便？',
      '明天染发的王姐|明天染发的王姐，很抱歉通知您：Tony这几天请假，您明天14:00约的染发需要调整一下。可以换Amy为您做染发，时间不变；也可以改个时间。您看哪个方便？',
    ]);
    // 周姐's booking is after Tony is back; 吴姐 opted out
    expect(await suppressed('staff_leave')).toEqual(['退订的吴姐:opted_out']);
    // the next tick tells nobody twice (吴姐's refusal is recorded once a day)
    expect(await run('staff_leave', at('2026-11-23', '11:30'))).toEqual({ drafted: 0, suppressed: 0 });
  });
});

describe('the follow-up after a service', () => {
  it('asks a day later with a review invitation, and leaves out who opted out', async () => {
    await post('appointments', {
      appointments: [
        { ...booking('A1', '13900000001', '染发', '2026-11-24', '14:00', { staffName: 'Tony' }), status: 'completed' },
        { ...booking('A4', '13900000004', '染发', '2026-11-24', '10:00', { staffName: 'Tony' }), status: 'completed' },
      ],
    });
    expect(await run('after_service', at('2026-11-24', '18:00'))).toEqual({ drafted: 0, suppressed: 0 }); // too soon
    // 王姐 had two notices about her booking this week: they take none of the weekly allowance for this message
    expect(await run('after_service', at('2026-11-25', '15:00'))).toEqual({ drafted: 1, suppressed: 1 });
    const [text] = await texts('after_service');
    expect(text).toContain('明天染发的王姐|明天染发的王姐，染发做完这一天感觉怎么样？');
    expect(text).toContain('欢迎给我们写个好评');
    expect(await suppressed('after_service')).toEqual(['退订的吴姐:opted_out']);
  });
});
