// A tutoring centre's test results (阶段测评) through the intake's three doors (signed webhook, API, spreadsheet), on a
// controllable clock: the month's progress report states each test's score out of its full marks and the change since
// the student's previous test of the same subject; a family without a test this month hears nothing of marks; another
// merchant's results are never read; a malformed record is refused with its reason and stored nowhere; a resend is one
// record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { contactWithPhone } from '../support/outreach-drafts.js';
import { createEndpoint, deliverSigned } from '../support/signed-delivery.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let other: Awaited<ReturnType<typeof buildTenant>>;
let push: Awaited<ReturnType<typeof createEndpoint>>;
const people: Record<string, CustomerRecord> = {};
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const iso = (date: string, time: string) => `${date}T${time}:00+08:00`;
const post = (kind: string, body: unknown, token = w.tenant.tokens.manager) =>
  w.app.request(`/api/intake/${kind}`, { token, body });
const scenario = () => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'progress_report')!;
const run = (now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(), now);
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const textOf = async (name: string) =>
  (await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'progress_report' }))
    .filter((d) => nameOf(d.customerId) === name)
    .map((d) => d.text);
const stored = (externalId: string, merchantId = w.tenant.merchantId) =>
  w.app.container.shopData.assessments.findOne(merchantId, { externalId });
const pushed = (body: unknown) =>
  deliverSigned(push.url.replace(/\/orders$/, '/assessments'), push.secret, JSON.stringify(body));

const pkg = (externalId: string, course: string, studentName: string, phone: string) => ({
  externalId,
  course,
  studentName,
  totalHours: 48,
  remainingHours: 20,
  customer: { phone },
});

beforeAll(async () => {
  w = await startWecomTestApp();
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '教育培训' },
  });
  expect(profile.status).toBe(200);
  people['乐乐妈妈'] = await contactWithPhone(w, '乐乐妈妈', '13800000001');
  people['豆豆爸爸'] = await contactWithPhone(w, '豆豆爸爸', '13800000002');
  const packages = await post('course-packages', {
    packages: [
      pkg('PK-LL', '数学', '乐乐', '13800000001'),
      pkg('PK-LE', '少儿英语', '乐乐', '13800000001'),
      pkg('PK-DD', '钢琴', '豆豆', '13800000002'),
    ],
  });
  expect(packages.body).toMatchObject({ created: 3, unmatchedCustomers: 0 });
  const attendance = await post('attendance', {
    attendance: [
      { externalId: 'A1', packageId: 'PK-LL', at: iso('2026-11-02', '17:30') },
      { externalId: 'A2', packageId: 'PK-LL', at: iso('2026-11-09', '17:30'), status: 'absent' },
      { externalId: 'A3', packageId: 'PK-DD', at: iso('2026-11-16', '19:30') },
    ],
  });
  expect(attendance.body).toMatchObject({ created: 3, failed: [] });
  push = await createEndpoint(w.app, w.tenant.tokens.owner, '校管家');

  // another school on the same server, whose parent has the same phone and whose package the same number
  other = await buildTenant(w.app.container);
  await buildCustomer(w.app.container, other.merchantId, { name: '别家的家长', phone: '13800000002' });
  const theirs = await post(
    'course-packages',
    { packages: [pkg('PK-DD', '钢琴', '豆豆', '13800000002')] },
    other.tokens.manager,
  );
  expect(theirs.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
});
afterAll(() => w.close());

describe('test results through the intake', () => {
  it('takes them by push, by the API and by spreadsheet, each named to its family', async () => {
    // October's test, pushed by the school system, named by the course package
    const october = await pushed({
      assessments: [
        {
          externalId: 'CP-1',
          subject: '数学',
          name: '单元测评',
          date: '2026-10-20',
          score: 85,
          fullMarks: 100,
          studentName: '乐乐',
          packageId: 'PK-LL',
        },
      ],
    });
    expect(october).toMatchObject({ status: 200, body: { created: 1, unmatchedCustomers: 0, failed: [] } });
    const midterm = await post('assessments', {
      assessments: [
        {
          externalId: 'CP-2',
          subject: '数学',
          name: '期中测评',
          date: '2026-11-12',
          score: 92,
          fullMarks: 100,
          studentName: '乐乐',
          customer: { phone: '13800000001' },
          shopId: w.tenant.shop.name,
        },
      ],
    });
    expect(midterm.body).toMatchObject({ created: 1, unmatchedCustomers: 0, failed: [] });
    expect(String((await stored('CP-2'))?.shopId)).toBe(String(w.tenant.shop._id));
    const csv = [
      '测评编号,科目,测评名称,测评日期,成绩,满分,老师,老师评语,学员,课时包编号',
      'CP-3,少儿英语,期中测评,2026-11-14,88,100,王,听力进步明显，阅读还要多练,乐乐,PK-LE',
    ].join('\n');
    const sheet = await w.app.request('/api/intake/assessments/import', {
      token: w.tenant.tokens.manager,
      body: { format: 'csv', content: csv, dryRun: false },
    });
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({ created: 1, unmatchedCustomers: 0, failed: [] });
    expect(await stored('CP-3')).toMatchObject({
      subject: '少儿英语',
      score: 88,
      fullMarks: 100,
      comment: '听力进步明显，阅读还要多练',
      customerId: people['乐乐妈妈']!._id,
    });
  });

  it('stores a resent result once, by its id, whichever door it comes through', async () => {
    const again = {
      assessments: [
        {
          externalId: 'CP-1',
          subject: '数学',
          name: '单元测评',
          date: '2026-10-20',
          score: 85,
          fullMarks: 100,
          studentName: '乐乐',
          packageId: 'PK-LL',
        },
      ],
    };
    expect((await pushed(again)).body).toMatchObject({ received: 1, created: 0, failed: [] });
    expect((await post('assessments', again)).body).toMatchObject({ received: 1, created: 0, failed: [] });
    const all = await w.app.container.shopData.assessments.ofFamiliesBetween(
      w.tenant.merchantId,
      [people['乐乐妈妈']!._id],
      '2026-01-01',
      '2026-12-31',
    );
    expect(all.map((a) => a.externalId)).toEqual(['CP-1', 'CP-2', 'CP-3']);
  });

  it('refuses a malformed result with its reason in Chinese and stores none of it', async () => {
    const bad = await post('assessments', {
      assessments: [
        { externalId: 'BAD-1', subject: '数学', name: '月考', date: '2026-11-20', score: 120, fullMarks: 100 },
        { externalId: 'BAD-2', subject: '数学', name: '月考', date: '11月20日', score: '九十', fullMarks: 100 },
        {
          externalId: 'BAD-3',
          subject: '数学',
          name: '月考',
          date: '2026-11-20',
          score: 90,
          fullMarks: 100,
          shopId: '没有这家店',
        },
      ],
    });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ received: 3, created: 0, updated: 0 });
    expect(bad.body.failed).toEqual([
      { index: 0, externalId: 'BAD-1', errors: { score: '成绩不能高于满分' } },
      { index: 1, externalId: 'BAD-2', errors: { date: '日期格式应为 YYYY-MM-DD', score: '成绩必须是数字' } },
      { index: 2, externalId: 'BAD-3', errors: { shopId: '没有找到门店「没有这家店」' } },
    ]);
    for (const id of ['BAD-1', 'BAD-2', 'BAD-3']) expect(await stored(id)).toBeNull();
    // a batch not in the kind's shape is refused whole: 400, naming the field
    const shapeless = await post('assessments', { scores: [{ externalId: 'BAD-4' }] });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.fields).toEqual({
      assessments: '请把阶段测评放在 assessments 列表里',
      _: '不支持的字段：scores',
    });
    const pushedBad = await pushed({ assessments: [] });
    expect(pushedBad.status).toBe(400);
    expect(pushedBad.body.fields).toEqual({ assessments: '没有阶段测评' });
    expect(await stored('BAD-4')).toBeNull();
  });

  it('keeps another merchant’s results to that merchant, even under the same ids', async () => {
    const theirs = await post(
      'assessments',
      {
        assessments: [
          { externalId: 'CP-2', subject: '数学', name: '期中测评', date: '2026-11-12', score: 40, fullMarks: 100 },
          {
            externalId: 'CP-9',
            subject: '钢琴',
            name: '考级模拟',
            date: '2026-11-20',
            score: 60,
            fullMarks: 100,
            studentName: '豆豆',
            packageId: 'PK-DD',
          },
        ],
      },
      other.tokens.manager,
    );
    expect(theirs.body).toMatchObject({ created: 2, failed: [] });
    expect((await stored('CP-2'))?.score).toBe(92);
    expect((await stored('CP-2', other.merchantId))?.score).toBe(40);
    expect(await stored('CP-9')).toBeNull();
  });
});

describe('the month’s progress report', () => {
  it('states the month’s tests with the change since the previous one; nothing of marks without a test', async () => {
    expect(await run(at('2026-11-30', '10:30'))).toEqual({ drafted: 0, suppressed: 0 });
    expect(await run(at('2026-12-01', '10:30'))).toEqual({ drafted: 2, suppressed: 0 });
    expect(await textOf('乐乐妈妈')).toEqual([
      '乐乐妈妈您好，这是乐乐11月的学习情况：出勤1/2节（50%）；少儿英语还剩20节；数学还剩19节。测评成绩：数学期中测评92/100分，比上次单元测评提高7分；少儿英语期中测评88/100分，王老师评语：听力进步明显，阅读还要多练。想和老师聊聊孩子的情况，随时告诉我。',
    ]);
    // 豆豆 took no test of ours in November (the other school's 考级模拟 is theirs): no marks are said; full
    // attendance is 全勤 (a "100%" was refused by the guardrails as an absolute claim, and the report never went)
    expect(await textOf('豆豆爸爸')).toEqual([
      '豆豆爸爸您好，这是豆豆11月的学习情况：出勤1/1节（全勤）；钢琴还剩19节。想和老师聊聊孩子的情况，随时告诉我。',
    ]);
  });
});
