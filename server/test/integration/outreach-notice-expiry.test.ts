// Notices tied to a moment expire with it, on a controllable clock: a class reminder cannot be approved once the class
// has begun (alone or among many), one approved in time but held for quiet hours is not sent after the class began,
// the inbox lists them as expired, a booking reminder that says "明天" cannot go once that day has come, a homework
// reminder or a birthday greeting cannot go once its day is over, and a notice already a WeCom group-send task is
// withdrawn from WeCom when its moment comes (unless it went out).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import {
  approveDraft,
  contactWithPhone,
  reached,
  setContactPolicy,
  setScenarios,
  storedDraft,
} from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord & { externalUserId: string }> = {};
/** Shanghai local time on a date → the instant */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const iso = (date: string, time: string) => `${date}T${time}:00+08:00`;
/** the wall clock the approvals and the inbox read */
const clock = (date: string, time: string) => vi.setSystemTime(at(date, time));

const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = (key: string) => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === key)!;
const run = (key: string, now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(key), now);
const draftOf = async (key: string, name: string, day: string) =>
  (await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: key, day })).find(
    (d) => String(d.customerId) === String(people[name]!._id),
  )!;
const inbox = async (status: string) => {
  const res = await w.app.request(`/api/outreach/drafts?status=${status}`, { token: w.tenant.tokens.owner });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: string; status: string; error?: string }[];
};
const lesson = (id: string, pkg: string, student: string, date: string, time: string) => ({
  externalId: id,
  course: '少儿英语',
  startAt: iso(date, time),
  studentName: student,
  packageId: pkg,
});

async function parent(name: string, phone: string, pkg: string, student: string) {
  const c = await contactWithPhone(w, name, phone);
  const res = await post('course-packages', {
    packages: [
      {
        externalId: pkg,
        course: '少儿英语',
        studentName: student,
        totalHours: 48,
        remainingHours: 20,
        customer: { phone },
      },
    ],
  });
  expect(res.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  people[name] = c;
}

beforeAll(async () => {
  w = await startWecomTestApp();
  const owner = w.tenant.tokens.owner;
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: owner,
    body: { name: w.tenant.merchant.name, industry: '教育培训' },
  });
  expect(profile.status).toBe(200);
  // the centre also takes bookings (a trial class): its day-before reminder is switched on
  await setScenarios(w, { appointment_reminder: { enabled: true, at: '18:00' } });
  await parent('乐乐妈妈', '13800000001', 'PK-LL', '乐乐');
  await parent('豆豆爸爸', '13800000002', 'PK-DD', '豆豆');
  const lessons = await post('lessons', {
    lessons: [
      lesson('L1', 'PK-LL', '乐乐', '2026-11-23', '17:30'),
      lesson('L2', 'PK-DD', '豆豆', '2026-11-23', '17:45'),
      lesson('L3', 'PK-LL', '乐乐', '2026-11-24', '17:30'),
      lesson('L4', 'PK-DD', '豆豆', '2026-11-25', '17:30'),
    ],
  });
  expect(lessons.body).toMatchObject({ created: 4, unmatchedCustomers: 0, failed: [] });
  vi.useFakeTimers({ toFake: ['Date'], now: at('2026-11-23', '15:00') });
});
afterAll(async () => {
  vi.useRealTimers();
  await w.close();
});

const STARTED = '这条提醒对应的课程已经开始，不能再发送了';

describe('a class reminder once the class has begun', () => {
  it('cannot be approved, alone or among many, and the rest of the batch still goes', async () => {
    expect(await run('class_reminder', at('2026-11-23', '16:00'))).toEqual({ drafted: 2, suppressed: 0 });
    const [early, later] = [
      await draftOf('class_reminder', '乐乐妈妈', '2026-11-23'),
      await draftOf('class_reminder', '豆豆爸爸', '2026-11-23'),
    ];
    expect(early).toMatchObject({ expiresAt: at('2026-11-23', '17:30'), status: 'pending' });
    expect(later.expiresAt).toEqual(at('2026-11-23', '17:45'));

    clock('2026-11-23', '17:31');
    const ids = [early._id.toHexString(), later._id.toHexString()];
    const res = await w.app.request('/api/outreach/drafts/approve', { token: w.tenant.tokens.owner, body: { ids } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: ids[0], error: STARTED },
      { id: ids[1], status: 'sent' },
    ]);
    expect(reached(w, people['乐乐妈妈']!.externalUserId)).toEqual({ kf: [], groupSends: 0 });
    expect(reached(w, people['豆豆爸爸']!.externalUserId).groupSends).toBe(1);
    const expired = await storedDraft(w, ids[0]!);
    expect(expired).toMatchObject({ status: 'expired', error: STARTED });
    expect(expired!.audit.at(-1)).toMatchObject({ by: 'system', action: 'expired' });

    // tapped again: the same answer, and still nothing sent
    const again = await approveDraft(w, ids[0]!);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(STARTED);
    expect(reached(w, people['乐乐妈妈']!.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });

  it('approved in time but held for quiet hours, is never sent after the class began', async () => {
    expect(await run('class_reminder', at('2026-11-24', '16:00'))).toEqual({ drafted: 1, suppressed: 0 });
    const draft = await draftOf('class_reminder', '乐乐妈妈', '2026-11-24');
    await setContactPolicy(w, { quietStart: '16:30', quietEnd: '18:00' });
    try {
      clock('2026-11-24', '16:40');
      expect((await approveDraft(w, draft._id.toHexString())).body).toMatchObject({ status: 'approved' });
      clock('2026-11-24', '18:01');
      expect(await w.app.container.outreach.drafts.resumeInterrupted(at('2026-11-24', '18:01'))).toBe(1);
    } finally {
      await setContactPolicy(w, { quietStart: '22:00', quietEnd: '09:00' });
    }
    expect(await storedDraft(w, draft._id.toHexString())).toMatchObject({ status: 'expired', error: STARTED });
    expect(reached(w, people['乐乐妈妈']!.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });

  it('leaves the pending list and is listed as expired', async () => {
    expect(await run('class_reminder', at('2026-11-25', '16:00'))).toEqual({ drafted: 1, suppressed: 0 });
    const id = (await draftOf('class_reminder', '豆豆爸爸', '2026-11-25'))._id.toHexString();
    clock('2026-11-25', '17:00');
    expect((await inbox('pending')).map((d) => d.id)).toEqual([id]);
    clock('2026-11-25', '17:30');
    expect(await inbox('pending')).toEqual([]);
    expect((await inbox('expired')).find((d) => d.id === id)).toMatchObject({ status: 'expired', error: STARTED });
    expect(reached(w, people['豆豆爸爸']!.externalUserId).groupSends).toBe(1); // only 23 November's
  });
});

describe('a booking reminder that says 明天', () => {
  it('cannot go once that day has come, even before the booking', async () => {
    const booked = await post('appointments', {
      appointments: [
        {
          externalId: 'T1',
          service: '试听课',
          startAt: iso('2026-11-27', '10:00'),
          status: 'booked',
          customer: { phone: '13800000002' },
        },
      ],
    });
    expect(booked.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
    expect(await run('appointment_reminder', at('2026-11-26', '18:05'))).toEqual({ drafted: 1, suppressed: 0 });
    const draft = await draftOf('appointment_reminder', '豆豆爸爸', '2026-11-26');
    expect(draft.text).toContain('明天10:00');
    expect(draft.expiresAt).toEqual(at('2026-11-27', '00:00'));

    clock('2026-11-27', '08:00');
    const res = await approveDraft(w, draft._id.toHexString());
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('这条提醒写的“明天”已经过了，不能再发送了');
    expect(reached(w, people['豆豆爸爸']!.externalUserId).groupSends).toBe(1);
  });
});

describe('a homework reminder and a birthday greeting', () => {
  it('hold for the day they were written for and lapse when it ends', async () => {
    const homework = await post('homework', {
      homework: [
        {
          externalId: 'HW1',
          title: '英语练习册第8页',
          dueAt: iso('2026-11-28', '21:00'),
          packageId: 'PK-LL',
          studentName: '乐乐',
        },
      ],
    });
    expect(homework.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(people['豆豆爸爸']!._id), {
      birthday: '1988-11-28',
    });
    expect(await run('birthday', at('2026-11-28', '10:30'))).toEqual({ drafted: 1, suppressed: 0 });
    expect(await run('homework_reminder', at('2026-11-28', '20:05'))).toEqual({ drafted: 1, suppressed: 0 });
    const greeting = await draftOf('birthday', '豆豆爸爸', '2026-11-28');
    const reminder = await draftOf('homework_reminder', '乐乐妈妈', '2026-11-28');
    expect(reminder.text).toContain('今天截止');
    expect(greeting.expiresAt).toEqual(at('2026-11-29', '00:00'));
    expect(reminder.expiresAt).toEqual(at('2026-11-29', '00:00'));

    // still that day: the greeting can go
    clock('2026-11-28', '21:00');
    expect((await approveDraft(w, greeting._id.toHexString())).body).toMatchObject({ status: 'sent' });
    // the next morning 今天截止 is no longer true
    clock('2026-11-29', '08:00');
    const late = await approveDraft(w, reminder._id.toHexString());
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('这条作业提醒说的是当天的情况，已经过了，不能再发送了');
    expect(reached(w, people['乐乐妈妈']!.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });

  it('a birthday greeting approved the next day is not sent', async () => {
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(people['乐乐妈妈']!._id), {
      birthday: '1990-11-30',
    });
    expect(await run('birthday', at('2026-11-30', '10:30'))).toEqual({ drafted: 1, suppressed: 0 });
    const greeting = await draftOf('birthday', '乐乐妈妈', '2026-11-30');
    clock('2026-12-01', '10:00');
    const late = await approveDraft(w, greeting._id.toHexString());
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('顾客的生日已经过了，不能再发送了');
    expect(reached(w, people['乐乐妈妈']!.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });
});

describe('a class reminder already handed to WeCom as a group-send task', () => {
  it('is withdrawn when the class begins unless it went out; a WeCom error is tried again at the next check', async () => {
    const lessons = await post('lessons', {
      lessons: [
        lesson('L5', 'PK-LL', '乐乐', '2026-11-30', '17:30'),
        lesson('L6', 'PK-DD', '豆豆', '2026-11-30', '17:45'),
      ],
    });
    expect(lessons.body).toMatchObject({ created: 2, failed: [] });
    expect(await run('class_reminder', at('2026-11-30', '16:00'))).toEqual({ drafted: 2, suppressed: 0 });
    const [lele, doudou] = [
      await draftOf('class_reminder', '乐乐妈妈', '2026-11-30'),
      await draftOf('class_reminder', '豆豆爸爸', '2026-11-30'),
    ];
    clock('2026-11-30', '16:10');
    for (const d of [lele, doudou])
      expect((await approveDraft(w, d._id.toHexString())).body).toMatchObject({ status: 'sent' });
    const taskOf = (name: string) =>
      w.standin.state.groupSendTasks.filter((t) => t.externalUserIds.includes(people[name]!.externalUserId)).at(-1)!;
    taskOf('豆豆爸爸').sentAt = Date.now(); // his teacher's colleague confirmed it in time: it went out
    const drafts = w.app.container.outreach.drafts;
    const stored = async (d: { _id: { toHexString(): string } }) => (await storedDraft(w, d._id.toHexString()))!;

    // before the class: only 豆豆's reminders of 23 and 25 November, never confirmed, are withdrawn
    expect(await drafts.withdrawExpired(w.tenant.merchantId, at('2026-11-30', '17:00'))).toBe(2);
    expect(taskOf('乐乐妈妈').cancelledAt).toBeUndefined();
    expect(await stored(lele)).toMatchObject({ status: 'sent' });

    // WeCom is busy when 乐乐's task is stopped: logged, left sent, the other task still handled
    w.standin.state.injectError('/cgi-bin/externalcontact/cancel_groupmsg_send', -1, 3);
    expect(await drafts.withdrawExpired(w.tenant.merchantId, at('2026-11-30', '17:50'))).toBe(0);
    expect(await stored(lele)).toMatchObject({ status: 'sent' });
    expect(taskOf('乐乐妈妈').cancelledAt).toBeUndefined();
    expect(await stored(doudou)).toMatchObject({ status: 'delivered' });

    // the next check stops it in WeCom and marks the draft withdrawn
    expect(await drafts.withdrawExpired(w.tenant.merchantId, at('2026-11-30', '18:05'))).toBe(1);
    expect(taskOf('乐乐妈妈').cancelledAt).toBeDefined();
    const withdrawn = await stored(lele);
    expect(withdrawn).toMatchObject({ status: 'expired', error: STARTED });
    expect(withdrawn.audit.at(-1)).toMatchObject({
      by: 'system',
      action: 'group_send_withdrawn',
      note: '这条提醒对应的课程已经开始，不能再发送了，已停止企业微信里未发出的群发',
    });
    const task = await w.app.container.repositories.groupSends.findById(w.tenant.merchantId, withdrawn.groupSendId!);
    expect(task!.cancelledAt).toBeDefined();
    // once withdrawn there is nothing more to do
    expect(await drafts.withdrawExpired(w.tenant.merchantId, at('2026-11-30', '18:20'))).toBe(0);
  });
});
