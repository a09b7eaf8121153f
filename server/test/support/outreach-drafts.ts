// Drafts for outreach tests: a WeCom contact followed by the staff member with one pending draft, the owner's
// approval, and what reached a customer through the WeCom stand-in.
import type { WecomTestApp } from './wecom-test-app.js';

/** Today in the test merchant's timezone (the drafts' `day`). */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export async function customerWithDraft(w: WecomTestApp, name: string, scenario = 'dormant_winback') {
  const staff = w.tenant.people.staff.wecomUserId;
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, staff, { name });
  await w.drain();
  const customers = w.app.container.repositories.customers;
  const customer = (await customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  const text = `${name}，好久不见～最近有空来店里坐坐吧？`;
  const now = new Date();
  const day = today();
  const drafts = w.app.container.repositories.drafts;
  await drafts.insertMany(w.tenant.merchantId, [
    {
      scenario,
      customerId: customer._id,
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
  const [draft] = await drafts.list(w.tenant.merchantId, { scenario, day, customerId: customer._id });
  return { externalUserId, customer, text, draftId: draft!._id.toHexString() };
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
