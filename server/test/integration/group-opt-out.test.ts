// Opted-out customers and group sends. A 群发 to customers (chat_type single) names each recipient, so a customer who
// opts out is taken off every task their staff member has not confirmed yet (WeCom cannot drop one recipient from a
// task: it is stopped and made again for the others). A post to a customer group (chat_type group) reaches every
// member and cannot leave one out: the owner sees how many opted-out members the group holds before approving, and
// no post names one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { groupSendHelpers } from '../support/group-send-helpers.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const { wecomCustomer, optOut, groupSend, liveTasks } = groupSendHelpers(() => w);

describe('a group send to customers', () => {
  it('is made again without a customer who opts out before the staff member confirms it', async () => {
    const [a, b, c] = [await wecomCustomer('甲'), await wecomCustomer('乙'), await wecomCustomer('丙')];
    const text = '本周新品上市，欢迎来尝～';
    expect((await groupSend([a._id, b._id, c._id], text)).status).toBe(201);
    expect(liveTasks(text).map((t) => t.externalUserIds)).toEqual([[a, b, c].map((x) => x.externalUserId)]);

    expect((await optOut(b._id)).status).toBe(200);
    expect(liveTasks(text)).toHaveLength(1);
    expect(liveTasks(text)[0]).toMatchObject({
      sender: w.tenant.people.staff.wecomUserId,
      externalUserIds: [a.externalUserId, c.externalUserId],
    });
    expect(w.standin.state.groupSendTasks.filter((t) => t.text === text)).toHaveLength(2); // the first one stopped
  });

  it('is stopped when it was for that customer alone, and left alone once confirmed', async () => {
    const alone = await wecomCustomer('只发给我');
    expect((await groupSend([alone._id], '只给你的消息')).status).toBe(201);
    await optOut(alone._id);
    expect(liveTasks('只给你的消息')).toEqual([]);

    const [d, e] = [await wecomCustomer('丁'), await wecomCustomer('戊')];
    expect((await groupSend([d._id, e._id], '已经发出去的')).status).toBe(201);
    liveTasks('已经发出去的')[0]!.sentAt = Date.now(); // the staff member confirmed it: it went out
    await optOut(e._id);
    expect(w.standin.state.groupSendTasks.filter((t) => t.text === '已经发出去的')).toHaveLength(1);
  });

  it('never names an opted-out customer in a new task, nor one who is not a contact', async () => {
    const ok = await wecomCustomer('可以收');
    const gone = await wecomCustomer('退订了');
    await optOut(gone._id);
    const res = await groupSend([ok._id, gone._id], '会员日提醒');
    expect(res.body).toMatchObject({ recipients: 1, skipped: [{ customerId: String(gone._id), reason: 'opted_out' }] });
    expect(liveTasks('会员日提醒').map((t) => t.externalUserIds)).toEqual([[ok.externalUserId]]);
  });
});

describe('a post to a customer group', () => {
  let chatId: string;
  beforeAll(async () => {
    await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
    const hua = await wecomCustomer('阿花');
    const cao = await wecomCustomer('阿草');
    const customers = w.app.container.repositories.customers;
    await customers.update(w.tenant.merchantId, String(hua._id), { birthday: '1996-11-26' });
    await customers.update(w.tenant.merchantId, String(cao._id), { birthday: '1990-11-27' });
    ({ chatId } = await w.standin.customers.opensGroup(w.corpId, w.tenant.people.staff.wecomUserId, '茶语VIP群', [
      hua.externalUserId!,
      cao.externalUserId!,
    ]));
    await w.drain();
    await optOut(hua._id); // 阿花 sent 退订, and stays in the group
    await w.app.request(`/api/customer-groups/${chatId}/layer`, {
      method: 'PUT',
      token: w.tenant.tokens.manager,
      body: { layer: 'vip' },
    });
    await w.app.container.knowledge.base.changed(w.tenant.merchantId);
    await w.app.request('/api/group-posts/draft-week', {
      token: w.tenant.tokens.manager,
      body: { monday: '2026-11-23' },
    });
  });

  it('shows the owner how many opted-out members will see it', async () => {
    const posts = (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.manager })).body
      .items as { chatId: string; optedOutMembers: number }[];
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.chatId === chatId && p.optedOutMembers === 1)).toBe(true);
  });

  it('does not name an opted-out member', async () => {
    const posts = (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.manager })).body
      .items as { topic: string; text: string }[];
    const birthdays = posts.find((p) => p.topic === 'birthday_wishes')!;
    expect(birthdays.text).toContain('阿草');
    expect(birthdays.text).not.toContain('阿花');
  });
});

describe('a group post naming a member who opts out after it was drafted', () => {
  let chatId: string;
  let ye: Awaited<ReturnType<typeof wecomCustomer>>;
  const pendingBirthdays = async () =>
    (
      (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.manager })).body.items as {
        id: string;
        chatId: string;
        topic: string;
        text: string;
      }[]
    ).filter((p) => p.chatId === chatId && p.topic === 'birthday_wishes');
  const approve = (id: string) =>
    w.app.request(`/api/group-posts/${id}/approve`, { token: w.tenant.tokens.manager, body: {} });
  const draftWeek = () =>
    w.app.request('/api/group-posts/draft-week', { token: w.tenant.tokens.manager, body: { monday: '2026-11-23' } });
  const tasksNaming = (name: string) =>
    w.standin.state.groupSendTasks.filter((t) => !t.cancelledAt && (t.text ?? '').includes(name));

  beforeAll(async () => {
    ye = await wecomCustomer('阿叶');
    const mu = await wecomCustomer('阿木');
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(ye._id), {
      birthday: '1992-11-25',
    });
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(mu._id), {
      birthday: '1988-11-24',
    });
    ({ chatId } = await w.standin.customers.opensGroup(w.corpId, w.tenant.people.staff.wecomUserId, '茶语VIP二群', [
      ye.externalUserId!,
      mu.externalUserId!,
    ]));
    await w.drain();
    await w.app.request(`/api/customer-groups/${chatId}/layer`, {
      method: 'PUT',
      token: w.tenant.tokens.manager,
      body: { layer: 'vip' },
    });
    await draftWeek();
  });

  it('is refused at approval, and drafting the week again writes it without them', async () => {
    const [drafted] = await pendingBirthdays();
    expect(drafted!.text).toContain('阿叶');
    expect((await optOut(ye._id)).status).toBe(200); // 阿叶 sends 退订 before the owner reviews the week

    const refused = await approve(drafted!.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('这条内容提到了已退订的顾客，请重新生成后再发');
    expect(tasksNaming('阿叶')).toEqual([]);

    await draftWeek();
    const [redrafted] = await pendingBirthdays();
    expect(redrafted!.text).toContain('阿木');
    expect(redrafted!.text).not.toContain('阿叶');
    expect((await approve(redrafted!.id)).body.status).toBe('sent');
    expect(tasksNaming('阿木')).toHaveLength(1);
    expect(tasksNaming('阿叶')).toEqual([]);
  });

  it('is refused when drafted before its named customers were recorded and its text names them', async () => {
    const posts = w.app.container.repositories.groupPosts;
    const legacy = { chatId, date: '2026-11-29', at: '20:00', kind: 'interaction' as const, title: '旧草稿' };
    await posts.insertDraft(
      w.tenant.merchantId,
      { ...legacy, topic: 'birthday_wishes', text: '祝阿叶生日快乐', citedIds: [] },
      '',
      new Date(),
    );
    await posts.insertDraft(
      w.tenant.merchantId,
      { ...legacy, topic: 'qa_time', text: '今晚答疑', citedIds: [] },
      '',
      new Date(),
    );
    const old = (await posts.list(w.tenant.merchantId, 'pending')).filter((p) => p.title === '旧草稿');
    const naming = old.find((p) => p.text.includes('阿叶'))!;
    expect((await approve(naming._id.toHexString())).status).toBe(409);
    expect((await approve(old.find((p) => p !== naming)!._id.toHexString())).body.status).toBe('sent');
    expect(tasksNaming('阿叶')).toEqual([]);
  });
});
