// One marketing message per customer per merchant-local day, counted when a message goes: a draft approved in the
// evening and held for quiet hours goes out the next morning and counts for that day, so a second marketing draft
// approved at noon the same day is cancelled.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { addDraft, reached, setContactPolicy, storedDraft } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let customer: CustomerRecord & { externalUserId: string };
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const approve = async (id: string) => {
  // a fresh sign-in at the faked time (the suite's tokens last an hour)
  const { token } = await w.app.container.services.auth.issueFor(w.tenant.people.owner);
  return w.app.request(`/api/outreach/drafts/${id}/approve`, { token, body: {} });
};

beforeAll(async () => {
  w = await startWecomTestApp();
  await setContactPolicy(w, { quietStart: '21:00', quietEnd: '09:00', perWeek: 5 });
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name: '王女士',
  });
  await w.drain();
  const c = (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  customer = { ...c, externalUserId };
  vi.useFakeTimers({ toFake: ['Date'], now: at('2026-12-01', '22:00') });
  await w.kfCustomerWrites(externalUserId, '在吗'); // both go through 微信客服 (inside its 48 hours)
});
afterAll(async () => {
  vi.useRealTimers();
  await w.close();
});

describe('one marketing message a day, with a draft held overnight for quiet hours', () => {
  it('does not send a second marketing message the day the held one went', async () => {
    vi.setSystemTime(at('2026-12-01', '22:30'));
    const evening = await addDraft(w, customer._id, 'dormant_winback', '王女士，好久不见～最近有空来店里坐坐吧？');
    const held = await approve(evening);
    expect(held.body).toMatchObject({ status: 'approved' }); // quiet hours: it waits until 09:00

    vi.setSystemTime(at('2026-12-02', '09:05'));
    expect(await w.app.container.outreach.drafts.resumeInterrupted(new Date())).toBe(1);
    expect((await storedDraft(w, evening))!.status).toBe('delivered');
    expect(reached(w, customer.externalUserId).kf).toHaveLength(1);

    // the same morning's day: another scenario's marketing draft, approved at noon
    vi.setSystemTime(at('2026-12-02', '12:00'));
    const noon = await addDraft(w, customer._id, 'birthday', '王女士，生日快乐！到店送您一份小礼物～');
    const res = await approve(noon);
    expect(res.body).toMatchObject({ status: 'cancelled', error: '今天已发过一条主动消息' });
    expect(reached(w, customer.externalUserId).kf).toHaveLength(1);
  });
});
