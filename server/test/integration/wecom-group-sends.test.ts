import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

async function wecomCustomer(name: string) {
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name,
  });
  await w.drain();
  return (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
}

describe('group sends (群发)', () => {
  it('creates a task for the sender to confirm, skipping who must not receive it, and tracks the results', async () => {
    const ok = await wecomCustomer('可以群发');
    const optedOut = await wecomCustomer('已退订');
    await w.app.container.repositories.customers.optOut(
      w.tenant.merchantId,
      { id: String(optedOut._id) },
      { by: 'customer', via: 'kf' },
    );
    const imported = await buildCustomer(w.app.container, w.tenant.merchantId, {
      externalUserId: undefined,
      name: '只有手机号',
    });

    const res = await w.app.request('/api/group-sends', {
      token: w.tenant.tokens.manager,
      body: {
        senderStaffId: String(w.tenant.people.staff._id),
        customerIds: [ok._id, optedOut._id, imported._id].map(String),
        text: '周末第二杯半价，欢迎来玩～',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'created', recipients: 1, delivered: 0 });
    expect(res.body.skipped).toEqual(
      expect.arrayContaining([
        { customerId: String(optedOut._id), reason: 'opted_out' },
        { customerId: String(imported._id), reason: 'not_wecom_contact' },
      ]),
    );
    const task = w.standin.state.groupSendTasks.at(-1)!;
    expect(task).toMatchObject({
      sender: w.tenant.people.staff.wecomUserId,
      externalUserIds: [ok.externalUserId],
      text: '周末第二杯半价，欢迎来玩～',
    });

    task.sentAt = Date.now(); // the staff member confirms it in WeCom
    const refreshed = await w.app.request(`/api/group-sends/${res.body.id}`, { token: w.tenant.tokens.manager });
    expect(refreshed.body).toMatchObject({ status: 'confirmed', delivered: 1 });
  });

  it('does not even ask WeCom when every customer is over the daily cap', async () => {
    const c = await wecomCustomer('今天收过了');
    const body = { senderStaffId: String(w.tenant.people.staff._id), customerIds: [String(c._id)], text: '新品上市' };
    expect((await w.app.request('/api/group-sends', { token: w.tenant.tokens.manager, body })).status).toBe(201);
    const tasks = w.standin.state.groupSendTasks.length;
    const again = await w.app.request('/api/group-sends', { token: w.tenant.tokens.manager, body });
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('都不能接收这次群发');
    expect(w.standin.state.groupSendTasks.length).toBe(tasks);
  });

  it('is for managers, and cannot read another merchant’s task', async () => {
    const c = await wecomCustomer('权限测试');
    expect(
      (
        await w.app.request('/api/group-sends', {
          token: w.tenant.tokens.staff,
          body: { senderStaffId: String(w.tenant.people.staff._id), customerIds: [String(c._id)], text: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await w.app.request('/api/group-sends/64b000000000000000000000', { token: w.tenant.tokens.manager })).status,
    ).toBe(404);
  });
});
