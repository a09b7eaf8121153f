// The documented examples of each domain's contract: what a client sends and what the server answers. If a schema
// changes so that one of these no longer parses, the change breaks a client too.
import { describe, expect, it } from 'vitest';
import * as ai from './ai.js';
import * as alerts from './alerts.js';
import * as auth from './auth.js';
import * as customers from './customers.js';
import * as knowledge from './knowledge.js';
import * as outreach from './outreach.js';
import * as reports from './reports.js';
import * as wecom from './wecom.js';

const ID = '64b0000000000000000000aa';
const AT = '2026-11-23T06:30:00.000Z';

const customer = {
  id: ID,
  externalUserId: 'wmAbC123',
  name: '林小姐',
  remark: '林小姐-少糖',
  phone: '138****5678',
  gender: 'female',
  tags: ['爱喝少糖', '新客户'],
  sourceChannel: 'table_card',
  followStaffIds: [ID],
  notes: [{ text: '想要少糖款，周末再问', staffId: ID, createdAt: AT }],
  firstContactAt: AT,
  lastContactAt: AT,
  consentMarketing: true,
  optedOut: false,
};

const compared = (value: number, previous: number, changePct?: number) => ({ value, previous, changePct });

describe('documented examples parse', () => {
  it('customers: the sidebar profile, a tag edit, a note, a page of the list', () => {
    expect(
      customers.profileByExternalUserId.response.parse({
        customer,
        insights: {
          totalSpend: 7200,
          visits: 4,
          lastVisitAt: AT,
          averageIntervalDays: 6.5,
          favouriteItems: [{ name: '杨枝甘露', quantity: 3 }],
          lifecycle: '活跃',
        },
        recentOrders: [{ id: ID, placedAt: AT, channel: '外卖', status: 'paid', amount: 3600, items: '杨枝甘露×2' }],
      }),
    ).toMatchObject({ insights: { totalSpend: 7200 } });
    expect(customers.update.request.parse({ tags: ['爱喝少糖'] })).toEqual({ tags: ['爱喝少糖'] });
    expect(customers.addNote.request.parse({ text: ' 周末再问 ' })).toEqual({ text: '周末再问' });
    expect(customers.list.request.parse({ limit: '50', q: '林' })).toEqual({ limit: 50, q: '林' });
    expect(customers.list.response.parse({ items: [customer], nextCursor: 'abc' }).items).toHaveLength(1);
  });

  it('alerts: the open list and one alert', () => {
    const alert = {
      id: ID,
      kind: 'bad_review',
      kindName: '差评预警',
      level: 'urgent',
      title: '差评预警：饿了么 1星',
      body: '“等了一个小时”\n建议回复：非常抱歉……',
      data: { rating: 1, reply: '非常抱歉……' },
      status: 'open',
      notified: 'sent',
      createdAt: AT,
    };
    expect(alerts.list.request.parse({ status: 'open' })).toEqual({ status: 'open' });
    expect(alerts.list.response.parse({ items: [alert] }).items[0]!.level).toBe('urgent');
    expect(alerts.resolve.response.parse({ ...alert, status: 'resolved', resolvedAt: AT }).status).toBe('resolved');
  });

  it('reports: a day’s query and its chart data, money in fen', () => {
    expect(reports.report.request.parse({ period: 'day', date: '2026-11-22' })).toEqual({
      period: 'day',
      date: '2026-11-22',
    });
    expect(reports.report.request.parse({})).toEqual({ period: 'day' });
    const report = reports.report.response.parse({
      period: 'day',
      from: '2026-11-22',
      to: '2026-11-22',
      figures: {
        newCustomers: compared(1, 0),
        consultations: compared(3, 2, 50),
        aiHandledPct: compared(75, 50, 50),
        handoffs: compared(1, 1, 0),
        orders: compared(3, 1, 200),
        revenue: compared(8100, 1800, 350),
        averageOrderValue: compared(2700, 1800, 50),
        returningPct: compared(33, 0),
        firstResponseSeconds: compared(10, 0),
        dormantCustomers: 2,
      },
      alerts: { lowStock: 1, expiringStock: 0, badReviews: 1 },
      topItems: [{ name: '杨枝甘露', quantity: 3, revenue: 5400 }],
      slowItems: [{ name: '烤奶', quantity: 0 }],
      campaigns: { sent: 2, repliedWithin7Days: 1, boughtWithin7Days: 1 },
      daily: [{ date: '2026-11-22', revenue: 8100, orders: 3 }],
      summary: '11月22日营业额¥81，比前一天多350%，共3单，客单价¥27。',
      actions: ['烤奶卖得慢，考虑搭配套餐'],
    });
    expect(report.figures.revenue.value).toBe(8100);
  });

  it('drafts: the pending list, one approval (edited), a bulk approval', () => {
    const draft = {
      id: ID,
      scenario: 'birthday',
      scenarioName: '生日祝福',
      customer: { id: ID, name: '林小姐-少糖' },
      text: '林小姐生日快乐～',
      reason: '明天是她的生日',
      writtenBy: 'template',
      status: 'pending',
      audit: [{ at: AT, by: 'system', action: 'drafted' }],
      createdAt: AT,
    };
    expect(outreach.drafts.request.parse({ status: 'pending' })).toEqual({ status: 'pending' });
    expect(outreach.drafts.response.parse({ items: [draft] }).items).toHaveLength(1);
    expect(outreach.approveDraft.request.parse({ text: '林小姐生日快乐，送您一杯～' })).toBeTruthy();
    expect(outreach.approveDraft.response.parse({ ...draft, status: 'delivered' }).status).toBe('delivered');
    expect(outreach.approveDrafts.request.parse({ ids: [ID] })).toEqual({ ids: [ID] });
    expect(
      outreach.approveDrafts.response.parse({
        results: [
          { id: ID, status: 'sent' },
          { id: ID, error: '已经处理过了' },
        ],
      }).results,
    ).toHaveLength(2);
  });

  it('the sidebar: drafts, a script used, signatures, sign-in', () => {
    expect(
      ai.suggestions.response.parse({
        drafts: [{ kind: 'answer', text: '杨枝甘露中杯18元哦～', reason: '菜单', citedIds: ['product:1'] }],
      }).drafts,
    ).toHaveLength(1);
    expect(ai.suggestionFeedback.request.parse({ customerId: ID, draft: '…', outcome: 'used' })).toBeTruthy();
    expect(knowledge.useScript.request.parse({})).toEqual({});
    expect(
      knowledge.useScript.response.parse({
        text: '林小姐您好，欢迎光临',
        attachment: { kind: 'image', url: 'https://cdn.example/a.png', mediaId: 'MEDIA' },
        usageCount: 3,
      }).attachment?.mediaId,
    ).toBe('MEDIA');
    const signature = { timestamp: 1_763_880_000, nonceStr: 'n', signature: 's' };
    expect(
      wecom.jssdkSignature.response.parse({
        corpId: 'ww1',
        agentId: 1000002,
        config: signature,
        agentConfig: signature,
      }),
    ).toBeTruthy();
    const session = { token: 't', expiresAt: AT, staff: { id: ID, name: '陈老板', role: 'owner', merchantId: ID } };
    expect(auth.miniProgramLogin.response.parse({ status: 'ok', session }).status).toBe('ok');
    expect(auth.miniProgramLogin.response.parse({ status: 'needs_binding', bindTicket: 'b' }).status).toBe(
      'needs_binding',
    );
  });
});

describe('contracts refuse what a drifted side would send', () => {
  it('a renamed or leaked field in an answer, and a request field the contract does not know', () => {
    expect(customers.get.response.safeParse({ ...customer, mobile: customer.phone }).success).toBe(false);
    expect(customers.get.response.safeParse({ ...customer, merchantId: ID, __v: 0 }).success).toBe(false);
    expect(outreach.drafts.request.safeParse({ status: 'pending', merchantId: ID }).success).toBe(false);
  });

  it('an order amount that is not whole fen (a price sent in yuan)', () => {
    expect(
      customers.profile.response.shape.recentOrders.safeParse([
        { id: ID, placedAt: AT, channel: '外卖', status: 'paid', amount: 36.5, items: '杨枝甘露' },
      ]).success,
    ).toBe(false);
  });
});
