// 阶段测评 intake, a result resent under the same id: whose result it is follows the latest send. A resend that names
// another student — a known customer or a family we cannot match yet — takes it off the first family, so the month's
// report (assessments.ofFamiliesBetween by customerId) never tells one child's marks to another child's parent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

describe('a result resent for another family', () => {
  it('is no longer the first family’s once the school names someone else', async () => {
    const t = await buildTenant(app.container);
    const wrong = await buildCustomer(app.container, t.merchantId, { name: '乐乐妈妈', phone: '13800000011' });
    const result = (phone: string, studentName: string) => ({
      externalId: 'CP-1',
      subject: '数学',
      name: '期中测评',
      date: '2026-11-05',
      score: 62,
      fullMarks: 100,
      studentName,
      customer: { phone },
    });
    const post = (body: unknown) => app.request('/api/intake/assessments', { token: t.tokens.manager, body });

    expect((await post({ assessments: [result('13800000011', '乐乐')] })).body).toMatchObject({ created: 1 });
    // corrected by the school: it is 豆豆's, whose parent is not a customer of ours yet
    const resent = await post({ assessments: [result('13900000022', '豆豆')] });
    expect(resent.body).toMatchObject({ updated: 1, failed: [] });

    const told = await app.container.shopData.assessments.ofFamiliesBetween(
      t.merchantId,
      [wrong._id],
      '2026-11-01',
      '2026-11-30',
    );
    // the record now says 豆豆 and is filed under no one until 豆豆's parent is a customer
    expect(told.map((a) => `${a.studentName}:${a.score}`)).toEqual([]);
  });

  it('moves to the family the school now names when that family is one of the shop’s customers', async () => {
    const t = await buildTenant(app.container);
    const first = await buildCustomer(app.container, t.merchantId, { name: '乐乐妈妈', phone: '13800000011' });
    const second = await buildCustomer(app.container, t.merchantId, { name: '豆豆爸爸', phone: '13900000022' });
    const result = (phone: string, studentName: string) => ({
      externalId: 'CP-2',
      subject: '英语',
      name: '期中测评',
      date: '2026-11-06',
      score: 88,
      fullMarks: 100,
      studentName,
      customer: { phone },
    });
    const post = (body: unknown) => app.request('/api/intake/assessments', { token: t.tokens.manager, body });

    expect((await post({ assessments: [result('13800000011', '乐乐')] })).body).toMatchObject({ created: 1 });
    expect((await post({ assessments: [result('13900000022', '豆豆')] })).body).toMatchObject({ updated: 1 });

    const of = async (id: (typeof first)['_id']) =>
      (await app.container.shopData.assessments.ofFamiliesBetween(t.merchantId, [id], '2026-11-01', '2026-11-30')).map(
        (a) => `${a.studentName}:${a.score}`,
      );
    expect(await of(first._id)).toEqual([]);
    expect(await of(second._id)).toEqual(['豆豆:88']);
  });
});
