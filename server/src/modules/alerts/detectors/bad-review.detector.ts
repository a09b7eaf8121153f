import type { CopyTone } from '@xiaoer/common/schemas/knowledge-template';
import { toneOf } from '../../templates/copy-tone.js';
import { reviewReply, reviewTopics } from '../alert-rules.js';
import { DAY_MS, type IntakeDetector, type NewAlert } from './detector.js';
import type { ReviewReader, ReviewRow } from './readers.js';

/** Each bad review, urgent: what it complains about and a reply to post, in the industry's address. */
export function badReviewRule(reviews: ReviewRow[], tone?: Pick<CopyTone, 'address'>): NewAlert[] {
  return reviews.map((r) => {
    const topics = reviewTopics(r.text);
    const reply = reviewReply(topics, tone);
    return {
      kind: 'bad_review' as const,
      key: String(r._id),
      level: 'urgent' as const,
      title: `差评预警：${r.platform} ${r.rating}星`,
      body: [
        `“${r.text.slice(0, 120) || '（没有文字）'}”`,
        topics.length ? `问题：${topics.join('、')}` : '',
        `建议回复：${reply}`,
      ]
        .filter(Boolean)
        .join('\n'),
      data: {
        reviewId: String(r._id),
        platform: r.platform,
        rating: r.rating,
        text: r.text,
        topics,
        reply,
        ...(r.orderId ? { orderId: r.orderId } : {}),
        ...(r.customerId ? { customerId: String(r.customerId) } : {}),
      },
    };
  });
}

/** The reviews this delivery created, rated at or below the owner's line and under a day old. */
export const badReviewDetector = (d: { reviews: ReviewReader }): IntakeDetector => ({
  kind: 'bad_review',
  async detect({ merchantId, kb, settings, now }, events) {
    const ids = events.flatMap((e) => (e.type === 'review' && e.created ? [e.reviewId] : []));
    if (!ids.length) return [];
    const since = new Date(now.getTime() - DAY_MS);
    return badReviewRule(
      await d.reviews.badSince(merchantId, ids, settings.bad_review.maxRating, since),
      toneOf(kb.merchant.industry),
    );
  },
});
