// The console's customer groups and group posts: documented examples of what it sends and what the server answers.
import { describe, expect, it } from 'vitest';
import { endpointUrl } from './contract.js';
import * as posts from './group-posts.js';
import * as groups from './groups.js';

const ID = '64b0000000000000000000aa';
const AT = '2026-11-23T06:30:00.000Z';

describe('customer groups and group posts', () => {
  it('reads a group, its report and a join code', () => {
    const group = { chatId: 'wrVip', name: 'VIP群', layer: 'vip', ownerUserId: 'zhang', memberCount: 80 };
    expect(
      groups.customerGroups.response.parse({ items: [{ ...group, customerCount: 60, joined: 5, left: 1 }] }).items,
    ).toHaveLength(1);
    expect(() => groups.customerGroups.response.parse({ items: [{ ...group, customerIds: [ID] }] })).toThrow();
    expect(endpointUrl(groups.groupReport, { params: { chatId: 'wrVip' }, query: { days: 30 } })).toBe(
      '/customer-groups/wrVip/report?days=30',
    );
    expect(groups.groupReport.request.parse({ days: '7' })).toEqual({ days: 7 });
    expect(() => groups.setGroupLayer.request.parse({ layer: 'gold' })).toThrow();
    expect(groups.groupJoinCode.response.parse({ layer: 'vip', qrCode: 'https://q/1', chatIds: ['wrVip'] })).toEqual({
      layer: 'vip',
      qrCode: 'https://q/1',
      chatIds: ['wrVip'],
    });
    const report = groups.groupReport.response.parse({
      chatId: 'wrVip',
      name: 'VIP群',
      layer: 'vip',
      members: { now: 80, joined: 5, left: 1 },
      posts: { drafted: 6, sent: 5, confirmedByStaff: 4 },
      interactions: { chain: 3, booking: 1, guess: 0 },
      attributedOrders: { orders: 2, revenue: 3600 },
      bookings: [{ customerName: '小林', day: '周六', time: '15:00', detail: '周六下午3点', at: AT }],
    });
    expect(report.attributedOrders.revenue).toBe(3600);
  });

  it('reviews posts: the pending list, an edited approval, a reply counted', () => {
    expect(endpointUrl(posts.groupPosts, { query: { status: 'pending' } })).toBe('/group-posts?status=pending');
    expect(() => posts.groupPosts.request.parse({ status: 'sending' })).toThrow();
    expect(posts.approveGroupPost.request.parse({ text: ' 周一上新 ' })).toEqual({ text: '周一上新' });
    expect(() => posts.draftWeek.request.parse({ monday: '2026-11-24' })).toThrow();
    expect(posts.recordGroupPostReply.response.parse({ kind: 'chain', detail: '杨枝甘露+2' })).toEqual({
      kind: 'chain',
      detail: '杨枝甘露+2',
    });
    expect(
      posts.draftWeek.response.parse({
        groups: 1,
        drafted: 6,
        skipped: [],
        balance: [{ chatId: 'wrVip', promoPct: 17, dropped: [] }],
      }).drafted,
    ).toBe(6);
  });
});
