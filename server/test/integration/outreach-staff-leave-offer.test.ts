// The technician-leave notice offers another technician "时间不变" (same time) only when they are free then: here Amy
// is already booked at 王姐's hour, so 王姐 is asked to pick another time instead of being promised Amy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const iso = (date: string, time: string) => `${date}T${time}:00+08:00`;
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const booking = (id: string, phone: string, date: string, time: string, staffName: string, status = 'booked') => ({
  externalId: id,
  service: '染发',
  startAt: iso(date, time),
  status,
  customer: { phone },
  staffName,
});

const customer = (name: string, phone: string) => contactWithPhone(w, name, phone);

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '本地服务' },
  });
  await customer('王姐', '13900000001');
  await customer('陈姐', '13900000002');
  const res = await post('appointments', {
    appointments: [
      booking('A1', '13900000001', '2026-11-24', '14:00', 'Tony'),
      // Amy is booked at the very same hour with 陈姐
      booking('A2', '13900000002', '2026-11-24', '14:00', 'Amy'),
      // Amy coloured 陈姐's hair last month: she "does the service"
      booking('P1', '13900000002', '2026-10-20', '11:00', 'Amy', 'completed'),
    ],
  });
  expect(res.body).toMatchObject({ created: 3, failed: [] });
  await post('staff-leaves', {
    leaves: [
      { externalId: 'LV1', staffName: 'Tony', from: iso('2026-11-24', '00:00'), to: iso('2026-11-26', '00:00') },
    ],
  });
});
afterAll(() => w.close());

describe('a technician’s leave', () => {
  it('does not offer, at the same time, a technician already booked then', async () => {
    const scenario = w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'staff_leave')!;
    await w.app.container.outreach.scan.run(w.tenant.merchantId, scenario, at('2026-11-23', '11:15'));
    const drafts = await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'staff_leave' });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.text).not.toContain('可以换Amy');
    expect(drafts[0]!.text).toContain('帮您改个时间');
  });
});
