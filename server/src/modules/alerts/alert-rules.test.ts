import { describe, expect, it } from 'vitest';
import {
  batchesOnHand,
  daysLeft,
  expiringBy,
  halfHourSlot,
  reviewReply,
  reviewTopics,
  slowMovers,
  stockSeverity,
} from './alert-rules.js';

describe('stock severity', () => {
  it('uses the item’s own two levels when it has them', () => {
    const item = { low: 20, critical: 5 };
    expect(stockSeverity({ ...item, quantity: 21 }, 0, 3)).toBe(0);
    expect(stockSeverity({ ...item, quantity: 20 }, 0, 3)).toBe(1);
    expect(stockSeverity({ ...item, quantity: 5 }, 0, 3)).toBe(2);
    expect(stockSeverity({ ...item, quantity: 0 }, 0, 3)).toBe(2);
  });

  it('follows the sales when the item has no thresholds, and ignores items with neither', () => {
    expect(stockSeverity({ quantity: 31 }, 10, 3)).toBe(0);
    expect(stockSeverity({ quantity: 29 }, 10, 3)).toBe(1); // under three days of sales
    expect(stockSeverity({ quantity: 9 }, 10, 3)).toBe(2); // under one day
    expect(stockSeverity({ quantity: 0 }, 0, 3)).toBe(0);
    expect(daysLeft(29, 10)).toBe(2);
    expect(daysLeft(29, 0)).toBeUndefined();
  });
});

describe('batches on hand', () => {
  const batches = [
    { batchNo: 'A', quantity: 10, expiresOn: '2026-11-24' },
    { batchNo: 'B', quantity: 10, expiresOn: '2026-11-30' },
    { batchNo: 'C', quantity: 10, expiresOn: '2026-12-10' },
  ];
  it('puts what is left in the latest-expiring batches (first expiring, first used)', () => {
    expect(batchesOnHand(15, batches)).toEqual([
      { batchNo: 'B', quantity: 5, expiresOn: '2026-11-30' },
      { batchNo: 'C', quantity: 10, expiresOn: '2026-12-10' },
    ]);
    expect(batchesOnHand(0, batches)).toEqual([]);
  });

  it('finds what expires within the window, expired ones included', () => {
    const onHand = batchesOnHand(25, batches);
    expect(expiringBy(onHand, '2026-11-26')).toEqual([{ batchNo: 'A', quantity: 5, expiresOn: '2026-11-24' }]);
    expect(expiringBy(batchesOnHand(15, batches), '2026-11-26')).toEqual([]); // batch A is already used up
  });
});

describe('reviews', () => {
  it('names what a bad review complains about and drafts an apology', () => {
    expect(reviewTopics('等了一个小时，奶茶都凉了，味道也不对')).toEqual(['口味', '配送']);
    expect(reviewTopics('一般般')).toEqual([]);
    expect(reviewReply(['配送'])).toContain('关于您提到的配送问题');
    expect(reviewReply([])).not.toContain('关于');
    // opened in the industry's address: 亲 online, 家长 at a school, a plain 您 needs no opening
    expect(reviewReply([], { address: '亲' })).toMatch(/^亲，非常抱歉/);
    expect(reviewReply([], { address: '家长' })).toMatch(/^家长您好，非常抱歉/);
    expect(reviewReply([], { address: '您' })).toMatch(/^非常抱歉/);
  });
});

describe('slow movers and rush slots', () => {
  it('lists the menu items that hardly sold, least first', () => {
    const sold = new Map([
      ['杨枝甘露', 40],
      ['芋泥波波', 2],
    ]);
    expect(slowMovers([{ name: '杨枝甘露' }, { name: '芋泥波波' }, { name: '柠檬水' }], sold, 3)).toEqual([
      { name: '柠檬水', sold: 0 },
      { name: '芋泥波波', sold: 2 },
    ]);
  });

  it('tells a rush once per half hour', () => {
    expect(halfHourSlot(12 * 60 + 29)).toBe('12:00');
    expect(halfHourSlot(12 * 60 + 30)).toBe('12:30');
  });
});
