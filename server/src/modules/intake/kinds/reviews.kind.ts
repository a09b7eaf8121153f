import { reviewSchema } from '@xiaoer/common/schemas/shop-data';
import type { ReviewRepository } from '../../shop-data/review.repository.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, defined, localTimeToIso, numberCell } from '../sheet-cells.js';
import { withCustomer } from './match-customer.js';

/** Platform reviews: a new bad one reaches the owner within minutes. */
export const reviewsKind = (reviews: ReviewRepository) =>
  defineKind({
    name: 'reviews',
    schema: reviewSchema,
    async store(ctx, review) {
      // reviews are mostly anonymous: not finding the customer is no news
      const { fields } = await withCustomer(ctx, review);
      const { result, id } = await reviews.store(ctx.merchantId, { ...fields, at: new Date(review.at) }, ctx.dryRun);
      return { result, events: id ? [{ type: 'review' as const, reviewId: id, created: true }] : [] };
    },
    sheet: {
      headers: {
        评价编号: 'externalId',
        评价ID: 'externalId',
        编号: 'externalId',
        平台: 'platform',
        来源: 'platform',
        评分: 'rating',
        星级: 'rating',
        总评分: 'rating',
        评价内容: 'text',
        内容: 'text',
        评价: 'text',
        评价时间: 'at',
        时间: 'at',
        订单号: 'orderId',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '评价编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          platform: raw.platform,
          rating: numberCell(raw.rating?.replace(/[星分]/g, '')),
          text: raw.text,
          at: localTimeToIso(raw.at ?? ''),
          orderId: raw.orderId,
          ...customerFromRow(raw),
        }),
    },
  });
