// What the campaign tests do as people would: customers who added a staff member on WeCom, a campaign sent from the
// console, a staff member confirming their task in WeCom, a customer ordering; and what the console shows after.
import type { Types } from 'mongoose';
import type { WecomTestApp } from './wecom-test-app.js';

export function campaignHelpers(app: () => WecomTestApp) {
  const w = app;
  return {
    /** A customer who added this staff member on WeCom (a real contact in the stand-in), as the server stored them. */
    async contact(name: string, follower: 'staff' | 'manager' = 'staff') {
      const { externalUserId } = await w().standin.customers.addsMember(
        w().corpId,
        w().tenant.people[follower].wecomUserId,
        { name },
      );
      await w().drain();
      const customers = w().app.container.repositories.customers;
      return (await customers.findByExternalUserId(w().tenant.merchantId, externalUserId))!;
    },
    send: (body: Record<string, unknown>, token = w().tenant.tokens.manager) =>
      w().app.request('/api/campaigns/send', { token, body }),
    list: (token = w().tenant.tokens.manager) => w().app.request('/api/campaigns', { token }),
    detail: (id: string, token = w().tenant.tokens.manager) => w().app.request(`/api/campaigns/${id}`, { token }),
    cancel: (id: string, token = w().tenant.tokens.manager) =>
      w().app.request(`/api/campaigns/${id}/cancel`, { token, body: {} }),
    /** The staff member confirms their task in WeCom (the stand-in then reports it sent). */
    confirms(staff: 'staff' | 'manager', text: string) {
      const userid = w().tenant.people[staff].wecomUserId;
      for (const t of w().standin.state.groupSendTasks.filter((t) => t.sender === userid && t.text === text))
        t.sentAt = Date.now();
    },
    async orders(customerId: Types.ObjectId, placedAt: Date, externalId: string) {
      await w().app.container.repositories.orders.insertMany(w().tenant.merchantId, [
        {
          externalId,
          placedAt,
          channel: '堂食' as const,
          status: 'completed' as const,
          customerId: customerId as never,
          items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
          amount: 1800,
        },
      ]);
    },
    /** Tasks in the stand-in with this text. */
    tasks: (text: string) => w().standin.state.groupSendTasks.filter((t) => t.text === text),
  };
}
