// What the group-send tests do as people would: a customer adds a staff member on WeCom, a staff member opts a
// customer out in the sidebar, a manager makes a group send; and what WeCom still holds that can go out.
import type { WecomTestApp } from './wecom-test-app.js';

export function groupSendHelpers(app: () => WecomTestApp) {
  return {
    async wecomCustomer(name: string) {
      const w = app();
      const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
        name,
      });
      await w.drain();
      return (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
    },
    optOut: (id: unknown) =>
      app().app.request(`/api/customers/${id}`, {
        method: 'PATCH',
        token: app().tenant.tokens.staff,
        body: { optedOut: true },
      }),
    groupSend: (customerIds: unknown[], text: string) =>
      app().app.request('/api/group-sends', {
        token: app().tenant.tokens.manager,
        body: { senderStaffId: String(app().tenant.people.staff._id), customerIds: customerIds.map(String), text },
      }),
    /** Tasks in WeCom with this text that can still go out (not stopped). */
    liveTasks: (text: string) => app().standin.state.groupSendTasks.filter((t) => t.text === text && !t.cancelledAt),
  };
}
