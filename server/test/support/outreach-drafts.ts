// Drafts for outreach tests: a WeCom contact followed by the staff member with one pending draft, the owner's
// approval, and what reached a customer through the WeCom stand-in.
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import type { WecomTestApp } from './wecom-test-app.js';

/**
 * A customer who adds the staff member on WeCom (as the stand-in plays it), with the phone the shop's records know them
 * by — how a booking, a package or a parcel finds them; opted out when asked.
 */
export async function contactWithPhone(
  w: WecomTestApp,
  name: string,
  phone: string,
  optedOut = false,
): Promise<CustomerRecord & { externalUserId: string }> {
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name,
  });
  await w.drain();
  const repo = w.app.container.repositories.customers;
  const c = (await repo.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  await repo.update(w.tenant.merchantId, String(c._id), { phone });
  if (optedOut) await repo.optOut(w.tenant.merchantId, { id: String(c._id) }, { by: 'customer', via: 'kf' });
  return { ...c, externalUserId };
}

/** Today in the test merchant's timezone (the drafts' `day`). */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * A customer who may be messaged, with one pending draft; the merchant's quiet hours are moved away from now (see
 * quietHoursAwayFromNow), so approving it sends it at once.
 */
export async function customerWithDraft(w: WecomTestApp, name: string, scenario = 'dormant_winback') {
  await quietHoursAwayFromNow(w);
  const staff = w.tenant.people.staff.wecomUserId;
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, staff, { name });
  await w.drain();
  const customers = w.app.container.repositories.customers;
  const customer = (await customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  const text = `${name}，好久不见～最近有空来店里坐坐吧？`;
  const draftId = await addDraft(w, customer._id, scenario, text);
  return { externalUserId, customer, text, draftId };
}

/** One more pending draft of today for a customer (a second scenario that picked them). */
export async function addDraft(
  w: WecomTestApp,
  customerId: CustomerRecord['_id'],
  scenario: string,
  text: string,
): Promise<string> {
  const now = new Date();
  const day = today();
  const drafts = w.app.container.repositories.drafts;
  await drafts.insertMany(w.tenant.merchantId, [
    {
      scenario,
      customerId,
      day,
      text,
      reason: '40天没来了',
      citedIds: [],
      status: 'pending',
      audit: [{ at: now, by: 'system', action: 'drafted' }],
      createdAt: now,
      updatedAt: now,
    },
  ]);
  const [draft] = await drafts.list(w.tenant.merchantId, { scenario, day, customerId });
  return draft!._id.toHexString();
}

/** The owner approves a draft as written. */
export const approveDraft = (w: WecomTestApp, id: string) =>
  w.app.request(`/api/outreach/drafts/${id}/approve`, { token: w.tenant.tokens.owner, body: {} });

export const storedDraft = (w: WecomTestApp, id: string) =>
  w.app.container.repositories.drafts.findById(w.tenant.merchantId, id);

/** Everything that reached the customer: 微信客服 texts, and group-send tasks naming them. */
export const reached = (w: WecomTestApp, externalUserId: string) => ({
  kf: w.standin.state.kfSent
    .filter((m) => m.touser === externalUserId)
    .map((m) => (m.content as { content: string }).content),
  groupSends: w.standin.state.groupSendTasks.filter((t) => t.externalUserIds.includes(externalUserId)).length,
});

/** The merchant-local time of day `minutesFromNow` from `at`, "HH:mm" (the contact policy's quiet hours). */
export const localClock = (minutesFromNow: number, at = new Date()) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at.getTime() + minutesFromNow * 60_000));

/** Changes the merchant's contact policy (quiet hours, weekly cap) as the owner does in the settings. */
export async function setContactPolicy(
  w: WecomTestApp,
  policy: Partial<{ quietStart: string; quietEnd: string; perWeek: number }>,
): Promise<void> {
  const token = w.tenant.tokens.owner;
  const current = (await w.app.request('/api/outreach/settings', { token })).body;
  const body = { ...current, policy: { ...current.policy, ...policy } };
  const res = await w.app.request('/api/outreach/settings', { method: 'PUT', token, body });
  if (res.status !== 200) throw new Error(`settings not saved: ${JSON.stringify(res.body)}`);
}

/**
 * Changes some of the merchant's scenarios (switches and knobs, as 设置 → 主动服务 saves them): each named scenario's
 * settings are replaced by the ones given, the others kept.
 */
export async function setScenarios(w: Pick<WecomTestApp, 'app' | 'tenant'>, changes: Record<string, unknown>) {
  const token = w.tenant.tokens.owner;
  const current = (await w.app.request('/api/outreach/settings', { token })).body;
  const body = { ...current, scenarios: { ...current.scenarios, ...changes } };
  const res = await w.app.request('/api/outreach/settings', { method: 'PUT', token, body });
  if (res.status !== 200) throw new Error(`settings not saved: ${JSON.stringify(res.body)}`);
}

/**
 * A one-hour quiet window well away from the wall clock, so an approval in a test sends at once whatever time the
 * suite runs, and away from the fixed instants a test runs its scans at (its `NOW`): a window six hours on from the
 * wall clock once landed on a test's fixed 10:30 in the small hours. Tests about quiet hours set their own window.
 */
export const quietHoursAwayFromNow = (w: WecomTestApp, ...fixedClocks: Date[]) => {
  const minutesOfDay = (at: Date) => {
    const [h, m] = localClock(0, at).split(':').map(Number);
    return h! * 60 + m!;
  };
  const busy = [new Date(), ...fixedClocks].map(minutesOfDay);
  const DAY = 24 * 60;
  const clear = (start: number) =>
    busy.every((b) => {
      const after = (((b - start) % DAY) + DAY) % DAY; // minutes from the window's start to the busy instant
      return after >= 60 + 60 && after <= DAY - 60; // an hour clear after the window, and before it
    });
  const offset = [6, 9, 12, 15, 18, 3].map((h) => h * 60).find((o) => clear(minutesOfDay(new Date()) + o))!;
  return setContactPolicy(w, { quietStart: localClock(offset), quietEnd: localClock(offset + 60) });
};
