import { pointsSchema } from '@xiaoer/common/schemas/shop-data';
import type { PointsRepository } from '../../shop-data/points.repository.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, defined, numberCell } from '../sheet-cells.js';
import { withCustomer } from './match-customer.js';

/** Members' points lapsing on a day (the member system's 积分到期): the month-end reminder reads them. */
export const pointsKind = (points: PointsRepository) =>
  defineKind({
    name: 'points',
    schema: pointsSchema,
    async store(ctx, batch) {
      // points of a member we cannot name are kept for when they can be: never told to anyone else
      const { fields, unmatched } = await withCustomer(ctx, batch);
      const { customerRef: _ref, ...stored } = fields;
      return { ...(await points.store(ctx.merchantId, stored, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        积分记录编号: 'externalId',
        记录编号: 'externalId',
        到期积分: 'points',
        积分: 'points',
        即将过期积分: 'points',
        到期日: 'expiresOn',
        到期日期: 'expiresOn',
        过期日期: 'expiresOn',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '积分记录编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          points: numberCell(raw.points),
          expiresOn: raw.expiresOn,
          ...customerFromRow(raw),
        }),
    },
  });
