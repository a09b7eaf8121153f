// A tutoring centre's notices to parents on a controllable clock, from the school system's timetable, homework and
// closures sent through the intake: each scenario's trigger and its non-trigger, and the parent who opted out left
// out by the scan's shared consent check (recorded as opted_out, never drafted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord> = {};
/** Shanghai local time on a date → the instant */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const iso = (date: string, time: string) => `${date}T${time}:00+08:00`;

async function parent(name: string, phone: string, pkg: { id: string; course: string; student: string }) {
  const c = await contactWithPhone(w, name, phone);
  const res = await post('course-packages', {
    packages: [
      {
        externalId: pkg.id,
        course: pkg.course,
        studentName: pkg.student,
        totalHours: 48,
        remainingHours: 20,
        customer: { phone },
      },
    ],
  });
  expect(res.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  people[name] = c;
}
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = (key: string) => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === key)!;
const run = (key: string, now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(key), now);
const drafts = (key: string) => w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: key });
const suppressed = async (key: string) =>
  (await w.app.container.repositories.suppressions.list(w.tenant.merchantId))
    .filter((s) => s.scenario === key)
    .map((s) => `${nameOf(s.customerId)}:${s.reason}`);
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const textOf = async (key: string, name: string) =>
  (await drafts(key)).filter((d) => nameOf(d.customerId) === name).map((d) => d.text);

beforeAll(async () => {
  w = await startWecomTestApp();
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '教育培训' },
  });
  expect(profile.status).toBe(200);
  await parent('乐乐妈妈', '13800000001', { id: 'PK-LL', course: '少儿英语', student: '乐乐' });
  await parent('豆豆爸爸', '13800000002', { id: 'PK-DD', course: '钢琴', student: '豆豆' });
  await parent('退订的朵朵妈妈', '13800000003', { id: 'PK-OO', course: '少儿英语', student: '朵朵' });
  await w.app.container.repositories.customers.optOut(
    w.tenant.merchantId,
    { id: String(people['退订的朵朵妈妈']!._id) },
    { by: 'customer', via: 'kf' },
  );
  // Monday 23 November: today's classes, named by their course package as the school system sends them
  const lessons = await post('lessons', {
    lessons: [
      {
        externalId: 'L1',
        course: '少儿英语',
        startAt: iso('2026-11-23', '17:30'),
        endAt: iso('2026-11-23', '18:30'),
        teacher: '王',
        preparation: '复习 Unit 3 的单词',
        studentName: '乐乐',
        packageId: 'PK-LL',
      },
      {
        externalId: 'L2',
        course: '钢琴',
        startAt: iso('2026-11-23', '19:30'),
        studentName: '豆豆',
        packageId: 'PK-DD',
      },
      {
        externalId: 'L3',
        course: '少儿英语',
        startAt: iso('2026-11-23', '17:30'),
        endAt: iso('2026-11-23', '18:30'),
        studentName: '朵朵',
        packageId: 'PK-OO',
      },
    ],
  });
  expect(lessons.body).toMatchObject({ created: 3, unmatchedCustomers: 0, failed: [] });
});
afterAll(() => w.close());

describe('the school’s tone', () => {
  it('writes to parents without emoji, as the tutoring template speaks', async () => {
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(people['乐乐妈妈']!._id), {
      birthday: '1990-11-23',
    });
    expect(await run('birthday', at('2026-11-23', '10:30'))).toEqual({ drafted: 1, suppressed: 0 });
    expect(await textOf('birthday', '乐乐妈妈')).toEqual(['乐乐妈妈，生日快乐！祝您新的一岁天天开心～']);
  });
});

describe('the reminder before class', () => {
  it('tells the parent two hours ahead with the teacher’s preparation, once, and not a class further off', async () => {
    expect(await run('class_reminder', at('2026-11-23', '16:00'))).toEqual({ drafted: 1, suppressed: 1 });
    expect(await textOf('class_reminder', '乐乐妈妈')).toEqual([
      '乐乐妈妈您好，乐乐今天17:30有少儿英语课（王老师），记得准时到哦。课前可以先准备一下：复习 Unit 3 的单词',
    ]);
    expect(await textOf('class_reminder', '豆豆爸爸')).toEqual([]); // 19:30 is three and a half hours off
    expect(await suppressed('class_reminder')).toEqual(['退订的朵朵妈妈:opted_out']);
    // the next tick: nothing twice (the refusal is recorded once a day)
    expect(await run('class_reminder', at('2026-11-23', '16:15'))).toEqual({ drafted: 0, suppressed: 0 });
    // two hours before 豆豆's class
    expect(await run('class_reminder', at('2026-11-23', '17:35'))).toEqual({ drafted: 1, suppressed: 0 });
    expect(await textOf('class_reminder', '豆豆爸爸')).toEqual(['豆豆爸爸您好，豆豆今天19:30有钢琴课，记得准时到哦。']);
  });
});

describe('the feedback after class', () => {
  it('sends the teacher’s notes half an hour after class, and nothing for a class without notes', async () => {
    const notes = await post('lessons', {
      lessons: ['L1', 'L3'].map((id) => ({
        externalId: id,
        course: '少儿英语',
        startAt: iso('2026-11-23', '17:30'),
        endAt: iso('2026-11-23', '18:30'),
        status: 'held',
        teacher: '王',
        feedback: '单词听写全对，口语还可以多练',
        studentName: id === 'L1' ? '乐乐' : '朵朵',
        packageId: id === 'L1' ? 'PK-LL' : 'PK-OO',
      })),
    });
    expect(notes.body).toMatchObject({ updated: 2 });
    expect(await run('class_feedback', at('2026-11-23', '18:45'))).toEqual({ drafted: 0, suppressed: 0 });
    expect(await run('class_feedback', at('2026-11-23', '19:05'))).toEqual({ drafted: 1, suppressed: 1 });
    expect(await textOf('class_feedback', '乐乐妈妈')).toEqual([
      '乐乐妈妈您好，乐乐的少儿英语课下课了，王老师的课堂反馈：单词听写全对，口语还可以多练',
    ]);
    expect(await suppressed('class_feedback')).toEqual(['退订的朵朵妈妈:opted_out']);
  });
});

describe('homework not handed in', () => {
  beforeAll(async () => {
    const res = await post('homework', {
      homework: [
        {
          externalId: 'H1',
          title: '英语练习册第5页',
          dueAt: iso('2026-11-23', '21:00'),
          packageId: 'PK-LL',
          studentName: '乐乐',
        },
        {
          externalId: 'H2',
          title: '英语抄写',
          dueAt: iso('2026-11-10', '21:00'),
          submittedAt: iso('2026-11-10', '19:00'),
          packageId: 'PK-LL',
          studentName: '乐乐',
        },
        {
          externalId: 'H3',
          title: '音阶练习录音',
          dueAt: iso('2026-11-19', '21:00'),
          packageId: 'PK-DD',
          studentName: '豆豆',
        },
        {
          externalId: 'H4',
          title: '英语练习册第5页',
          dueAt: iso('2026-11-23', '21:00'),
          packageId: 'PK-OO',
          studentName: '朵朵',
        },
      ],
    });
    expect(res.body).toMatchObject({ created: 4, unmatchedCustomers: 0 });
  });

  it('waits for 20:00, reminds what is due and not in, and is firmer after three days', async () => {
    expect(await run('homework_reminder', at('2026-11-23', '19:30'))).toBe('not_due');
    expect(await run('homework_reminder', at('2026-11-23', '20:05'))).toEqual({ drafted: 2, suppressed: 1 });
    expect(await textOf('homework_reminder', '乐乐妈妈')).toEqual([
      '乐乐妈妈您好，乐乐还有作业没有提交：英语练习册第5页（今天截止），记得提醒孩子完成后提交哦。',
    ]);
    expect(await textOf('homework_reminder', '豆豆爸爸')).toEqual([
      '豆豆爸爸您好，豆豆的作业（音阶练习录音）已经4天没有提交了，老师有些担心，是不是遇到了困难？方便的话回复我一下，我们一起帮孩子跟上。',
    ]);
    expect(await suppressed('homework_reminder')).toEqual(['退订的朵朵妈妈:opted_out']);
    expect(await run('homework_reminder', at('2026-11-23', '21:00'))).toBe('already_done');
  });

  it('says nothing of homework handed in', async () => {
    await post('homework', {
      homework: [
        {
          externalId: 'H1',
          title: '英语练习册第5页',
          dueAt: iso('2026-11-23', '21:00'),
          submittedAt: iso('2026-11-23', '20:30'),
          packageId: 'PK-LL',
          studentName: '乐乐',
        },
      ],
    });
    expect(await run('homework_reminder', at('2026-11-24', '20:05'))).toEqual({ drafted: 1, suppressed: 1 });
    expect(
      (await drafts('homework_reminder')).filter((d) => d.day === '2026-11-24').map((d) => nameOf(d.customerId)),
    ).toEqual(['豆豆爸爸']);
  });
});

describe('the month’s progress report', () => {
  it('goes out on the 1st with last month’s attendance and homework, saying only what the records hold', async () => {
    await post('attendance', {
      attendance: [
        { externalId: 'A1', packageId: 'PK-LL', at: iso('2026-11-02', '17:30') },
        { externalId: 'A2', packageId: 'PK-LL', at: iso('2026-11-09', '17:30') },
        { externalId: 'A3', packageId: 'PK-LL', at: iso('2026-11-16', '17:30'), status: 'leave' },
        { externalId: 'A4', packageId: 'PK-LL', at: iso('2026-11-23', '17:30') },
        { externalId: 'A5', packageId: 'PK-OO', at: iso('2026-11-23', '17:30') },
      ],
    });
    expect(await run('progress_report', at('2026-11-30', '10:30'))).toEqual({ drafted: 0, suppressed: 0 });
    expect(await run('progress_report', at('2026-12-01', '10:30'))).toEqual({ drafted: 2, suppressed: 1 });
    expect(await textOf('progress_report', '乐乐妈妈')).toEqual([
      '乐乐妈妈您好，这是乐乐11月的学习情况：出勤3/4节（75%）；作业按时提交2/2次；少儿英语还剩17节。王老师最近的反馈：单词听写全对，口语还可以多练。想和老师聊聊孩子的情况，随时告诉我。',
    ]);
    // no class records for 豆豆 in November: only the homework and the hours left
    expect(await textOf('progress_report', '豆豆爸爸')).toEqual([
      '豆豆爸爸您好，这是豆豆11月的学习情况：作业按时提交0/1次；钢琴还剩20节。想和老师聊聊孩子的情况，随时告诉我。',
    ]);
    expect(await suppressed('progress_report')).toEqual(['退订的朵朵妈妈:opted_out']);
  });
});

describe('closures', () => {
  it('tells every family with classes a week ahead, with the holiday homework, and not earlier', async () => {
    const res = await post('closures', {
      closures: [
        {
          externalId: 'C1',
          reason: '元旦',
          startOn: '2027-01-01',
          endOn: '2027-01-03',
          homework: '每天读英语绘本15分钟',
        },
      ],
    });
    expect(res.body).toMatchObject({ created: 1, failed: [] });
    expect(await run('closure_notice', at('2026-12-24', '10:30'))).toEqual({ drafted: 0, suppressed: 0 });
    expect(await run('closure_notice', at('2026-12-25', '10:30'))).toEqual({ drafted: 2, suppressed: 1 });
    expect(await textOf('closure_notice', '豆豆爸爸')).toEqual([
      '豆豆爸爸您好，元旦期间所有课程停课（1月1日至1月3日），1月4日起照常上课。假期作业：每天读英语绘本15分钟。有问题随时问我。',
    ]);
    expect(await suppressed('closure_notice')).toEqual(['退订的朵朵妈妈:opted_out']);
  });

  it('refuses a closure that ends before it starts, in Chinese', async () => {
    const res = await post('closures', {
      closures: [{ externalId: 'C2', reason: '寒假', startOn: '2027-02-10', endOn: '2027-02-01' }],
    });
    expect(res.body.failed).toEqual([{ index: 0, externalId: 'C2', errors: { endOn: '结束日期不能早于开始日期' } }]);
  });
});
