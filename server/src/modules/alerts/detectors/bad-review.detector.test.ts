import { describe, expect, it } from 'vitest';
import { badReviewDetector, badReviewRule } from './bad-review.detector.js';
import { alertContext, fakeId } from './test-context.js';

const review = {
  _id: fakeId('6500000000000000000000aa'),
  platform: '美团',
  rating: 1,
  text: '等了一个小时，送到都凉了，态度还很差',
};

describe('bad review rule', () => {
  it('quotes the review, names what it complains about and suggests a reply', () => {
    const [alert] = badReviewRule([{ ...review, orderId: 'W9' }]);
    expect(alert).toMatchObject({ key: String(review._id), level: 'urgent', title: '差评预警：美团 1星' });
    expect(alert!.body.split('\n')).toEqual([
      '“等了一个小时，送到都凉了，态度还很差”',
      '问题：配送、服务',
      expect.stringMatching(/^建议回复：非常抱歉.*配送、服务问题/),
    ]);
    expect(alert!.data).toMatchObject({ orderId: 'W9', topics: ['配送', '服务'] });
    expect(alert!.data).not.toHaveProperty('customerId');
  });

  it('says so when a review has no text', () => {
    expect(badReviewRule([{ ...review, text: '' }])[0]!.body).toMatch(/^“（没有文字）”\n建议回复：/);
  });
});

describe('bad review detector', () => {
  it('asks only about reviews this delivery created, under a day old and at or below the owner’s rating', async () => {
    const asked: unknown[] = [];
    const detector = badReviewDetector({
      reviews: { badSince: async (_m, ids, maxRating, since) => (asked.push([ids, maxRating, since]), [review]) },
    });
    const ctx = alertContext();
    expect(await detector.detect(ctx, [{ type: 'review', reviewId: review._id, created: false }])).toEqual([]);
    expect(asked).toEqual([]);
    expect(await detector.detect(ctx, [{ type: 'review', reviewId: review._id, created: true }])).toHaveLength(1);
    expect(asked).toEqual([[[review._id], 2, new Date(ctx.now.getTime() - 86_400_000)]]);
  });
});
