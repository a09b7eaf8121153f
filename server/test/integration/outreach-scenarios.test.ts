// Proactive scenarios on a controllable clock: who gets a draft (and who does not, and why), idempotent runs with two
// workers, the contact policy, and the owner's approval turning a draft into a WeCom group-send task.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { buildTenant } from '../support/factories.js';
import { quietHoursAwayFromNow, setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const DAY = 86_400_000;
// 10:30 in Shanghai: after the default 10:00 run time, outside quiet hours
const NOW = new Date('2026-11-23T02:30:00Z');
const people: Record<string, CustomerRecord> = {};

async function customer(
  name: string,
  lastOrderDaysAgo: number | null,
  extra: { optedOut?: boolean; birthday?: string } = {},
) {
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name,
  });
  await w.drain();
  const c = (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  if (extra.birthday)
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(c._id), {
      birthday: extra.birthday,
    });
  if (extra.optedOut)
    await w.app.container.repositories.customers.optOut(
      w.tenant.merchantId,
      { id: String(c._id) },
      { by: 'customer', via: 'kf' },
    );
  if (lastOrderDaysAgo !== null) {
    await w.app.container.repositories.orders.insertMany(
      w.tenant.merchantId,
      [lastOrderDaysAgo, lastOrderDaysAgo + 7, lastOrderDaysAgo + 14].map((ago, i) => ({
        externalId: `${name}-${i}`,
        customerId: c._id,
        channel: '堂食' as const,
        status: 'completed' as const,
        items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
        amount: 1800,
        placedAt: new Date(NOW.getTime() - ago * DAY),
      })),
    );
  }
  people[name] = (await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(c._id)))!;
}

const drafts = () => w.app.container.repositories.drafts.list(w.tenant.merchantId);
const suppressions = () => w.app.container.repositories.suppressions.list(w.tenant.merchantId);
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await customer('沉睡的阿强', 40);
  await customer('常来的小美', 3);
  await customer('流失的老王', 100);
  await customer('退订的阿芳', 40, { optedOut: true });
  await customer('过生日的莉莉', 5, { birthday: '1995-11-23' });
  await customer('被打扰够了的大刘', 40);
  // 大刘 already had two messages this week
  await w.app.container.repositories.drafts.insertMany(
    w.tenant.merchantId,
    [1, 4].map((ago, i) => ({
      scenario: 'birthday',
      customerId: people['被打扰够了的大刘']!._id,
      day: `old-${i}`,
      text: '…',
      reason: '…',
      citedIds: [],
      status: 'sent' as const,
      audit: [],
      createdAt: new Date(NOW.getTime() - ago * DAY),
      updatedAt: NOW,
    })),
  );
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(() => w.close());

describe('the daily scan', () => {
  it('waits for the run time and stays silent in quiet hours', async () => {
    const scan = w.app.container.outreach.scan;
    // a milk-tea shop's template: the local-service and tutoring scenarios are off
    const off = {
      appointment_cycle: 'disabled',
      member_card_low: 'disabled',
      class_hours_low: 'disabled',
      after_service: 'disabled',
      class_reminder: 'disabled',
      class_feedback: 'disabled',
      homework_reminder: 'disabled',
      progress_report: 'disabled',
      closure_notice: 'disabled',
      appointment_reminder: 'disabled',
      staff_leave: 'disabled',
      delivery_care: 'disabled',
      review_invite: 'disabled',
      points_expiring: 'disabled',
      activity_signup: 'disabled',
      festival_offer: 'disabled',
    };
    expect(await scan.scanMerchant(w.tenant.merchantId, new Date('2026-11-23T01:30:00Z'))).toEqual({
      dormant_winback: 'not_due',
      birthday: 'not_due',
      weather_offer: 'not_due', // at 15:00
      ...off,
    }); // 09:30
    expect(await scan.scanMerchant(w.tenant.merchantId, new Date('2026-11-23T15:30:00Z'))).toEqual({
      dormant_winback: 'not_due',
      birthday: 'not_due',
      weather_offer: 'not_due',
      ...off,
    }); // 23:30
    expect(await drafts()).toHaveLength(2); // only the two seeded
  });

  it('drafts for the customers who are due, records why others are left out, and acts once with two workers', async () => {
    const scan = w.app.container.outreach.scan;
    const [a, b] = await Promise.all([
      scan.scanMerchant(w.tenant.merchantId, NOW),
      scan.scanMerchant(w.tenant.merchantId, NOW),
    ]);
    expect([a.dormant_winback, b.dormant_winback]).toContainEqual({ drafted: 1, suppressed: 2 });
    const fresh = (await drafts()).filter((d) => d.day === '2026-11-23');
    expect(fresh.map((d) => `${d.scenario}:${nameOf(d.customerId)}`).sort()).toEqual([
      'birthday:过生日的莉莉',
      'dormant_winback:沉睡的阿强',
    ]);
    const winback = fresh.find((d) => d.scenario === 'dormant_winback')!;
    expect(winback.text).toBe('沉睡的阿强，好久不见～您常点的杨枝甘露一直都在，最近有空来店里坐坐吧？');
    expect(winback.reason).toBe('40天没来了（之前来过3次）');
    expect(winback.citedIds[0]).toMatch(/^product:/);
    // the shop set no birthday gift: the wish promises none
    expect(fresh.find((d) => d.scenario === 'birthday')!.text).toBe('过生日的莉莉，生日快乐🎂！祝您新的一岁天天开心～');
    expect((await suppressions()).map((s) => `${nameOf(s.customerId)}:${s.reason}`).sort()).toEqual([
      '被打扰够了的大刘:weekly_cap',
      '退订的阿芳:opted_out',
    ]);
    // the same day again, or a worker restarted after a crash: nothing more
    expect(await scan.scanMerchant(w.tenant.merchantId, new Date(NOW.getTime() + 3600_000))).toMatchObject({
      dormant_winback: 'already_done',
      birthday: 'already_done',
    });
    expect((await drafts()).filter((d) => d.day === '2026-11-23')).toHaveLength(2);
  });

  it('does not ask the same customer again the next day, and follows the owner’s switches', async () => {
    await setScenarios(w, { birthday: { enabled: false } });
    const owner = w.tenant.tokens.owner;
    const settings = (await w.app.request('/api/outreach/settings', { token: owner })).body;
    const next = await w.app.container.outreach.scan.scanMerchant(w.tenant.merchantId, new Date(NOW.getTime() + DAY));
    expect(next.birthday).toBe('disabled');
    expect(next.dormant_winback).toMatchObject({ drafted: 0 });
    expect(
      (await suppressions()).some((s) => nameOf(s.customerId) === '沉睡的阿强' && s.reason === 'recently_contacted'),
    ).toBe(true);
    expect(
      (
        await w.app.request('/api/outreach/settings', {
          method: 'PUT',
          token: owner,
          body: { ...settings, runAt: '25:00' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await w.app.request('/api/outreach/settings', { method: 'PUT', token: w.tenant.tokens.manager, body: settings }))
        .status,
    ).toBe(403);
  });
});

describe('the birthday gift', () => {
  it('is promised only once the owner has set one, and then named as set', async () => {
    await setScenarios(w, { birthday: { enabled: true, gift: '一杯招牌奶茶' } });
    await customer('后天生日的小周', 5, { birthday: '1998-11-25' });
    const scan = w.app.container.outreach.scan;
    const birthday = scan['d'].scenarios.find((s) => s.key === 'birthday')!;
    expect(await scan.run(w.tenant.merchantId, birthday, new Date(NOW.getTime() + 2 * DAY))).toMatchObject({
      drafted: 1,
    });
    const [d] = (await drafts()).filter((x) => x.scenario === 'birthday' && x.day === '2026-11-25');
    expect(d!.text).toBe(
      '后天生日的小周，生日快乐🎂！祝您新的一岁天天开心～生日这几天来店里，我们给您准备了一杯招牌奶茶，等您来～',
    );
    expect(d!.reason).toBe('今天是顾客生日（生日礼：一杯招牌奶茶）');
  });
});

describe('the drafts inbox', () => {
  // the owner reads the inbox the day the scan ran (a birthday greeting lapses when the day ends); approvals send at
  // that clock's time, not in the merchant's quiet hours
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(NOW.getTime() + 3600_000) });
    return quietHoursAwayFromNow(w, NOW);
  });
  afterAll(() => void vi.useRealTimers());

  const pending = async () =>
    (await w.app.request('/api/outreach/drafts?status=pending', { token: w.tenant.tokens.owner })).body.items as {
      id: string;
      customer: { name: string };
      scenarioName: string;
    }[];

  it('turns an approved draft into a group-send task for the staff member who follows the customer', async () => {
    const winback = (await pending()).find((d) => d.customer.name === '沉睡的阿强')!;
    expect(winback.scenarioName).toBe('沉睡客户唤醒');
    const res = await w.app.request(`/api/outreach/drafts/${winback.id}/approve`, {
      token: w.tenant.tokens.owner,
      body: {},
    });
    expect(res.body).toMatchObject({ status: 'sent' });
    expect(res.body.audit.map((a: { action: string }) => a.action)).toEqual([
      'drafted',
      'approved',
      'group_send_requested',
      'group_send_created',
    ]);
    const task = w.standin.state.groupSendTasks.at(-1)!;
    expect(task).toMatchObject({
      chatType: 'single',
      sender: w.tenant.people.staff.wecomUserId,
      externalUserIds: [people['沉睡的阿强']!.externalUserId],
      text: '沉睡的阿强，好久不见～您常点的杨枝甘露一直都在，最近有空来店里坐坐吧？',
    });
    expect(
      (await w.app.request(`/api/outreach/drafts/${winback.id}/approve`, { token: w.tenant.tokens.owner, body: {} }))
        .status,
    ).toBe(409);
  });

  it('checks an edited draft against the shop data, rejects, and keeps other merchants out', async () => {
    const birthday = (await pending()).find((d) => d.customer.name === '过生日的莉莉')!;
    const edited = await w.app.request(`/api/outreach/drafts/${birthday.id}/approve`, {
      token: w.tenant.tokens.owner,
      body: { text: '莉莉生日快乐！杨枝甘露今天只要9元！' },
    });
    expect(edited.status).toBe(400);
    expect(edited.body.message).toContain('没有通过核对');
    const other = await buildTenant(w.app.container);
    expect(
      (await w.app.request(`/api/outreach/drafts/${birthday.id}/reject`, { token: other.tokens.owner, body: {} }))
        .status,
    ).toBe(404);
    expect((await w.app.request('/api/outreach/drafts', { token: other.tokens.owner })).body.items).toEqual([]);
    expect((await w.app.request('/api/outreach/drafts', { token: w.tenant.tokens.staff })).status).toBe(403);
    const rejected = await w.app.request(`/api/outreach/drafts/${birthday.id}/reject`, {
      token: w.tenant.tokens.manager,
      body: { note: '她不喜欢被打扰' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    expect(rejected.body.audit.at(-1)).toMatchObject({
      action: 'rejected',
      note: '她不喜欢被打扰',
      by: w.tenant.people.manager._id.toHexString(),
    });
  });
});
