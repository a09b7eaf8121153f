// Customer groups through the WeCom stand-in: events and a full sync keep them in step (members, joins, leaves,
// dismissal); a calendar week drafts the right posts with promotion held to a fifth; approval makes a group-send
// task (chat_type group) for the group's owner; a price that is not the menu's is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupPostDtoSchema } from '@xiaoer/common/schemas/group-post';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let chatId: string;
const customers: string[] = [];
const groups = async () =>
  (await w.app.request('/api/customer-groups', { token: w.tenant.tokens.manager })).body.items as Record<string, any>[];
const owner = () => w.tenant.people.staff;

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  for (const name of ['阿花', '阿草', '阿树']) {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, owner().wecomUserId, { name });
    customers.push(externalUserId);
  }
  await w.drain();
  // 阿花's birthday falls in the week we plan
  const hua = (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, customers[0]!))!;
  await w.app.container.repositories.customers.update(w.tenant.merchantId, String(hua._id), { birthday: '1996-11-26' });
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(() => w.close());

describe('groups kept in step with WeCom', () => {
  it('syncs a group from its events: created, members joining and leaving, dismissed', async () => {
    ({ chatId } = await w.standin.customers.opensGroup(w.corpId, owner().wecomUserId, '茶语VIP群', [
      customers[0]!,
      customers[1]!,
    ]));
    await w.drain();
    expect((await groups()).find((g) => g.chatId === chatId)).toMatchObject({
      name: '茶语VIP群',
      memberCount: 3,
      ownerUserId: owner().wecomUserId,
      layer: 'unset',
      joined: 0,
    });
    expect((await groups()).find((g) => g.chatId === chatId)!.customerCount).toBe(2);
    await w.standin.customers.groupMembersChange(w.corpId, chatId, { joined: [customers[2]!] });
    await w.drain();
    await w.standin.customers.groupMembersChange(w.corpId, chatId, { left: [customers[1]!] });
    await w.drain();
    expect((await groups()).find((g) => g.chatId === chatId)).toMatchObject({ memberCount: 3, joined: 1, left: 1 });
    const other = await w.standin.customers.opensGroup(w.corpId, owner().wecomUserId, '临时群', [customers[2]!]);
    await w.drain();
    await w.standin.customers.dismissesGroup(w.corpId, other.chatId);
    await w.drain();
    expect((await groups()).map((g) => g.chatId)).not.toContain(other.chatId);
  });

  it('finds groups WeCom never told us about with a full sync', async () => {
    const quiet = w.standin.customers.createsGroup(w.corpId, owner().wecomUserId, '老客唤醒群', [customers[1]!]);
    expect((await groups()).map((g) => g.chatId)).not.toContain(quiet);
    const res = await w.app.request('/api/customer-groups/sync', { token: w.tenant.tokens.manager, body: {} });
    expect(res.body.synced).toBeGreaterThanOrEqual(2);
    expect((await groups()).find((g) => g.chatId === quiet)).toMatchObject({ name: '老客唤醒群', memberCount: 2 });
  });
});

describe('the group calendar', () => {
  it('drafts a week of posts for the VIP layer with promotion held to a fifth, once', async () => {
    expect(
      (
        await w.app.request(`/api/customer-groups/${chatId}/layer`, {
          method: 'PUT',
          token: w.tenant.tokens.manager,
          body: { layer: 'vip' },
        })
      ).status,
    ).toBe(204);
    const week = await w.app.request('/api/group-posts/draft-week', {
      token: w.tenant.tokens.manager,
      body: { monday: '2026-11-23' },
    });
    // the shop wrote down no self-check, so the calendar's 食品安全自查 says nothing rather than claim one
    expect(week.body).toMatchObject({
      groups: 1,
      drafted: 5,
      skipped: [{ chatId, title: '周五食品安全自查', reason: '没有可写的内容' }],
    });
    expect(week.body.balance).toEqual([{ chatId, promoPct: 17, dropped: [] }]);
    const posts = (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.manager })).body
      .items as Record<string, any>[];
    expect(posts.map((p) => `${p.date} ${p.at} ${p.kind} ${p.title}`)).toEqual([
      '2026-11-23 11:00 useful 周一上新',
      '2026-11-24 15:00 interaction 猜猜新品',
      '2026-11-25 11:00 promo 今日推荐',
      '2026-11-26 15:00 interaction 周末拼单接龙',
      '2026-11-28 10:00 useful 本周寿星',
    ]);
    // the guessing game teases the menu's own 新品 by name, citing it
    const teaser = posts.find((p) => p.topic === 'flavour_guess')!;
    const teased = (await w.app.container.knowledge.base.get(w.tenant.merchantId)).products.find(
      (p) => `product:${p._id}` === teaser.citedIds[0],
    )!;
    expect(teased.tags).toContain('新品');
    expect(teaser.text).toContain(`新品${teased.name}`);
    for (const p of posts) expect(p.text).not.toMatch(/自查|粉色|果香/);
    expect(posts.find((p) => p.topic === 'birthday_wishes')!.text).toContain('阿花');
    const offer = posts.find((p) => p.kind === 'promo')!;
    expect(offer.citedIds[0]).toMatch(/^product:/);
    expect(offer.text).toMatch(/\d+元/);
    expect(
      (
        await w.app.request('/api/group-posts/draft-week', {
          token: w.tenant.tokens.manager,
          body: { monday: '2026-11-23' },
        })
      ).body.drafted,
    ).toBe(0);
    expect(
      (
        await w.app.request('/api/group-posts/draft-week', {
          token: w.tenant.tokens.manager,
          body: { monday: '2026-11-24' },
        })
      ).status,
    ).toBe(400);
  });

  it('answers with the post alone: its id as a string, no tenant, version or audit trail', async () => {
    const [post] = (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.manager })).body
      .items as Record<string, unknown>[];
    expect(post!.id).toMatch(/^[0-9a-f]{24}$/);
    for (const internal of ['_id', 'merchantId', '__v', 'audit']) expect(post).not.toHaveProperty(internal);
    expect(groupPostDtoSchema.strict().safeParse(post).success).toBe(true);
    const [group] = await groups();
    for (const internal of ['_id', 'merchantId', '__v', 'customerIds']) expect(group).not.toHaveProperty(internal);
    expect((await w.app.request('/api/group-posts?status=sending', { token: w.tenant.tokens.manager })).status).toBe(
      400,
    );
  });

  it('turns an approved post into a group-send task for the group owner', async () => {
    const [first] = (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.owner })).body
      .items;
    const res = await w.app.request(`/api/group-posts/${first.id}/approve`, {
      token: w.tenant.tokens.owner,
      body: {},
    });
    expect(res.body).toMatchObject({ id: first.id, status: 'sent' });
    expect(res.body.groupSendId).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body).not.toHaveProperty('audit');
    expect(w.standin.state.groupSendTasks.at(-1)).toMatchObject({
      chatType: 'group',
      sender: owner().wecomUserId,
      chatIds: [chatId],
      text: first.text,
    });
    expect(
      (await w.app.request(`/api/group-posts/${first.id}/approve`, { token: w.tenant.tokens.owner, body: {} })).status,
    ).toBe(409);
  });

  it('refuses a post whose price is not the menu’s, and keeps other merchants and staff out', async () => {
    const offer = (
      (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.owner })).body.items as Record<
        string,
        any
      >[]
    ).find((p) => p.kind === 'promo')!;
    const wrong = await w.app.request(`/api/group-posts/${offer.id}/approve`, {
      token: w.tenant.tokens.owner,
      body: { text: offer.text.replace(/\d+元/, '6元') },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('没有通过核对');
    const tasks = w.standin.state.groupSendTasks.length;
    const other = await buildTenant(w.app.container);
    expect(
      (await w.app.request(`/api/group-posts/${offer.id}/approve`, { token: other.tokens.owner, body: {} })).status,
    ).toBe(404);
    expect(
      (await w.app.request(`/api/group-posts/${offer.id}/reject`, { token: other.tokens.owner, body: {} })).status,
    ).toBe(404);
    expect(
      (
        await w.app.request(`/api/group-posts/${offer.id}/replies`, {
          token: other.tokens.owner,
          body: { text: '接龙+杨枝甘露+1' },
        })
      ).status,
    ).toBe(404);
    expect((await w.app.request(`/api/customer-groups/${chatId}/report`, { token: other.tokens.owner })).status).toBe(
      404,
    );
    expect(
      (
        await w.app.request(`/api/customer-groups/${chatId}/layer`, {
          method: 'PUT',
          token: other.tokens.owner,
          body: { layer: 'vip' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await w.app.request('/api/group-posts/not-an-id/approve', { token: w.tenant.tokens.owner, body: {} })).status,
    ).toBe(400);
    expect((await w.app.request('/api/customer-groups', { token: other.tokens.owner })).body.items).toEqual([]);
    expect((await w.app.request('/api/group-posts', { token: w.tenant.tokens.staff })).status).toBe(403);
    expect(w.standin.state.groupSendTasks.length).toBe(tasks);
  });
});

describe('interactions and the group report', () => {
  it('counts a 接龙 written to 微信客服 and replies staff record, and reports the group', async () => {
    const chain = (
      (await w.app.request('/api/group-posts?status=pending', { token: w.tenant.tokens.owner })).body.items as Record<
        string,
        any
      >[]
    ).find((p) => p.topic === 'chain_signup')!;
    expect(
      (await w.app.request(`/api/group-posts/${chain.id}/approve`, { token: w.tenant.tokens.owner, body: {} })).body
        .status,
    ).toBe('sent');
    await w.kfCustomerWrites(customers[0]!, '接龙+杨枝甘露+2');
    await w.kfCustomerWrites(customers[0]!, '预约+周六下午3点');
    await w.kfCustomerWrites(customers[0]!, '你们几点关门'); // not an interaction
    const recorded = await w.app.request(`/api/group-posts/${chain.id}/replies`, {
      token: w.tenant.tokens.manager,
      body: { text: '接龙+芋泥波波+1', customerName: '群里的小林' },
    });
    expect(recorded.status).toBe(201);
    expect(
      (
        await w.app.request(`/api/group-posts/${chain.id}/replies`, {
          token: w.tenant.tokens.manager,
          body: { text: '好的谢谢' },
        })
      ).status,
    ).toBe(400);
    const stored = await w.app.container.repositories.groupInteractions.ofGroupSince(
      w.tenant.merchantId,
      chatId,
      new Date(0),
    );
    expect(
      stored
        .filter((i) => String(i.postId) === chain.id)
        .map((i) => i.detail)
        .sort(),
    ).toEqual(['杨枝甘露+2', '芋泥波波+1']);
    // 阿花 buys the item the approved 周一上新 post featured (and, separately, something else)
    const featured = (
      (await w.app.request('/api/group-posts?status=sent', { token: w.tenant.tokens.owner })).body.items as Record<
        string,
        any
      >[]
    ).find((p) => p.chatId === chatId && p.topic === 'new_item')!;
    const product = (await w.app.container.knowledge.base.get(w.tenant.merchantId)).products.find(
      (p) => `product:${p._id}` === featured.citedIds[0],
    )!;
    const hua = (await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      customers[0]!,
    ))!;
    const bought = (id: string, name: string, amount: number) => ({
      externalId: id,
      customerId: hua._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      amount,
      items: [{ name, quantity: 1, unitPrice: amount, specs: [] }],
      placedAt: new Date(Date.now() + 3600_000),
    });
    await w.app.container.repositories.orders.insertMany(w.tenant.merchantId, [
      bought('GP-1', product.name, product.price),
      bought('GP-2', '不相关的东西', 999),
    ]);
    // the staff member confirms both sends in WeCom
    for (const t of w.standin.state.groupSendTasks) t.sentAt = Date.now();
    const report = (
      await w.app.request(`/api/customer-groups/${chatId}/report?days=30`, { token: w.tenant.tokens.manager })
    ).body;
    expect(report).toMatchObject({
      name: '茶语VIP群',
      layer: 'vip',
      members: { now: 3, joined: 1, left: 1 },
      posts: { drafted: 5, sent: 2, confirmedByStaff: 2 },
      interactions: { chain: 2, booking: 1, guess: 0 },
    });
    expect(report.bookings[0]).toMatchObject({ customerName: '阿花', day: '周六', time: '15:00' });
    expect(report.attributedOrders).toEqual({ orders: 1, revenue: product.price });
  });

  it('drafts only the days still to come when the weekly job runs mid-week', async () => {
    // no birthday in that week, so no birthday post
    const midweek = await w.app.container.groupPosts.draftWeek(
      w.tenant.merchantId,
      '2026-11-30',
      new Date(),
      '2026-12-02',
    );
    expect(midweek.drafted).toBe(2);
    expect(midweek.skipped).toEqual([
      { chatId, title: '周五食品安全自查', reason: '没有可写的内容' },
      { chatId, title: '本周寿星', reason: '没有可写的内容' },
    ]);
  });
});

describe('the owner’s own calendar', () => {
  const calendars = async (token = w.tenant.tokens.manager) =>
    (await w.app.request('/api/group-calendars', { token })).body.items as Record<string, any>[];

  it('starts from the industry’s and is replaced per layer, with the 80/20 rule still deciding the week', async () => {
    const vip = (await calendars()).find((c) => c.layer === 'vip')!;
    expect(vip).toMatchObject({ name: 'VIP群', custom: false, promoPct: 17, dropped: [] });
    expect(vip.slots[0]).toEqual({ weekday: 1, at: '11:00', kind: 'useful', topic: 'new_item', title: '周一上新' });
    expect((await calendars()).find((c) => c.layer === 'parents')).toMatchObject({ slots: [] }); // no parents' calendar for a milk-tea shop

    // Tuesdays and Thursdays only, two offers among three other posts: one offer is more than a fifth
    const slots = [
      { weekday: 4, at: '20:00', topic: 'member_price', title: '周四群友价' },
      { weekday: 2, at: '11:00', topic: 'new_item', title: '周二上新' },
      { weekday: 2, at: '15:00', topic: 'chain_signup', title: '周二接龙' },
      { weekday: 4, at: '10:00', topic: 'surplus_offer', title: '周四特惠' },
      { weekday: 4, at: '15:00', topic: 'weekly_tip', title: '周四小贴士' },
    ];
    const saved = await w.app.request('/api/group-calendars/vip', {
      method: 'PUT',
      token: w.tenant.tokens.manager,
      body: { slots },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ custom: true, promoPct: 0, dropped: ['周四特惠', '周四群友价'] }); // one offer in four posts is a quarter
    expect(saved.body.slots.map((s: any) => `${s.weekday} ${s.at} ${s.kind}`)).toEqual([
      '2 11:00 useful',
      '2 15:00 interaction',
      '4 10:00 promo',
      '4 15:00 useful',
      '4 20:00 promo',
    ]);

    const week = await w.app.container.groupPosts.draftWeek(w.tenant.merchantId, '2026-12-07');
    expect(week.balance).toEqual([{ chatId, promoPct: 0, dropped: ['周四特惠', '周四群友价'] }]);
    const posts = (await w.app.container.repositories.groupPosts.list(w.tenant.merchantId)).filter(
      (p) => p.date >= '2026-12-07' && p.date <= '2026-12-13',
    );
    expect(posts.map((p) => `${p.date} ${p.at} ${p.title}`)).toEqual([
      '2026-12-08 11:00 周二上新',
      '2026-12-08 15:00 周二接龙',
      '2026-12-10 15:00 周四小贴士',
    ]);
  });

  it('refuses two posts at the same time, unknown topics and long titles, in Chinese, and keeps staff out', async () => {
    const put = (body: unknown, token = w.tenant.tokens.manager) =>
      w.app.request('/api/group-calendars/vip', { method: 'PUT', token, body });
    /** what the console shows: the first bad field's own words */
    const says = async (body: unknown) => Object.values((await put(body)).body.fields ?? {})[0];
    const twice = {
      slots: [
        { weekday: 1, at: '10:00', topic: 'new_item', title: '上新' },
        { weekday: 1, at: '10:00', topic: 'weekly_tip', title: '贴士' },
      ],
    };
    expect((await put(twice)).status).toBe(400);
    expect(await says(twice)).toBe('同一天的同一时间只能排一条');
    expect(await says({ slots: [{ weekday: 1, at: '10:00', topic: 'weather_care', title: '天气' }] })).toBe(
      '请选择内容类型',
    );
    expect(await says({ slots: [{ weekday: 1, at: '10:00', topic: 'new_item', title: '一'.repeat(21) }] })).toBe(
      '标题最多 20 个字',
    );
    expect((await put({ slots: [{ weekday: 7, at: '10:00', topic: 'new_item', title: '上新' }] })).status).toBe(400);
    expect(
      (
        await w.app.request('/api/group-calendars/unset', {
          method: 'PUT',
          token: w.tenant.tokens.manager,
          body: { slots: [] },
        })
      ).status,
    ).toBe(400);
    expect((await put({ slots: [] }, w.tenant.tokens.staff)).status).toBe(403);
    expect((await calendars()).find((c) => c.layer === 'vip')!.slots).toHaveLength(5); // nothing refused was kept
  });

  it('goes back to the industry’s calendar', async () => {
    const reset = await w.app.request('/api/group-calendars/vip', { method: 'DELETE', token: w.tenant.tokens.owner });
    expect(reset.body).toMatchObject({ custom: false, promoPct: 17 });
    expect(reset.body.slots).toHaveLength(6);
    const other = await buildTenant(w.app.container);
    expect((await calendars(other.tokens.owner)).find((c) => c.layer === 'vip')).toMatchObject({ custom: false });
  });
});

describe('getting into a layer', () => {
  it('makes a join QR code for the layer’s groups and a welcome for new members', async () => {
    const code = await w.app.request('/api/customer-groups/entries/vip/join-code', {
      token: w.tenant.tokens.manager,
      body: {},
    });
    expect(code.body).toMatchObject({ layer: 'vip', chatIds: [chatId] });
    expect(code.body.qrCode).toMatch(/^https:\/\/wework\.qpic\.cn\//);
    expect([...w.standin.state.joinWays.values()].at(-1)).toMatchObject({ chatIds: [chatId], state: 'layer_vip' });
    const none = await w.app.request('/api/customer-groups/entries/parents/join-code', {
      token: w.tenant.tokens.manager,
      body: {},
    });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('还没有「家长群」的客户群');
    const welcome = await w.app.request('/api/customer-groups/entries/vip/welcome', {
      token: w.tenant.tokens.manager,
      body: {},
    });
    expect(welcome.body.text).toBe(
      `欢迎加入${w.tenant.merchant.name}VIP群🎉 新品、群友专属价和活动都会先发在这里，有问题随时@我们～`,
    );
    expect(w.standin.state.groupWelcomeTemplates.get(welcome.body.templateId)?.text).toBe(welcome.body.text);
    const entries = (await w.app.request('/api/customer-groups/entries', { token: w.tenant.tokens.manager })).body
      .items;
    expect(entries).toEqual([
      expect.objectContaining({ layer: 'vip', qrCode: code.body.qrCode, welcomeText: welcome.body.text }),
    ]);
    expect(
      (await w.app.request('/api/customer-groups/entries/nobody/welcome', { token: w.tenant.tokens.manager, body: {} }))
        .status,
    ).toBe(400);
  });
});

describe('a tutoring centre’s parents group', () => {
  it('posts the week’s study report from attendance, naming the students who came to every class', async () => {
    // the owner says what the business is (the route bumps the knowledge version the calendars are read with)
    const profile = await w.app.request('/api/merchant/profile', {
      method: 'PUT',
      token: w.tenant.tokens.owner,
      body: { name: w.tenant.merchant.name, industry: '教育培训' },
    });
    expect(profile.status).toBe(200);
    await w.app.request(`/api/customer-groups/${chatId}/layer`, {
      method: 'PUT',
      token: w.tenant.tokens.manager,
      body: { layer: 'parents' },
    });
    const post = (path: string, body: unknown) =>
      w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
    await post('course-packages', {
      packages: [
        {
          externalId: 'PK-LL',
          course: '少儿英语',
          studentName: '乐乐',
          totalHours: 48,
          remainingHours: 20,
          customer: { externalUserId: customers[0] },
        },
        {
          externalId: 'PK-DD',
          course: '少儿英语',
          studentName: '豆豆',
          totalHours: 48,
          remainingHours: 20,
          customer: { externalUserId: customers[2] },
        },
      ],
    });
    await post('attendance', {
      attendance: [
        { externalId: 'A1', packageId: 'PK-LL', at: '2026-12-01T18:00:00+08:00' },
        { externalId: 'A2', packageId: 'PK-LL', at: '2026-12-03T18:00:00+08:00' },
        { externalId: 'A3', packageId: 'PK-DD', at: '2026-12-01T18:00:00+08:00' },
        { externalId: 'A4', packageId: 'PK-DD', at: '2026-12-03T18:00:00+08:00', status: 'leave' },
        { externalId: 'A5', packageId: 'PK-DD', at: '2026-11-24T18:00:00+08:00' }, // the week before
      ],
    });
    const week = await w.app.container.groupPosts.draftWeek(w.tenant.merchantId, '2026-11-30');
    expect(week.balance[0]).toMatchObject({ promoPct: 0, dropped: [] });
    const report = (await w.app.container.repositories.groupPosts.list(w.tenant.merchantId)).find(
      (p) => p.chatId === chatId && p.topic === 'study_report' && p.date === '2026-12-06',
    )!;
    // two classes (Tuesday's and Thursday's) of two students each: 2 节课, 3 of 4 places attended
    expect(report.text).toBe(
      '【本周学习周报】本周共上了 2 节课，出勤率 75%。本周全勤：乐乐，给小朋友们点个赞👍有请假的同学记得和老师约补课。',
    );
  });
});
