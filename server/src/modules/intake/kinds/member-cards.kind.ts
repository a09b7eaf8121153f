import { memberCardSchema } from '@xiaoer/common/schemas/shop-data';
import type { MemberCardRepository } from '../../shop-data/member-card.repository.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, defined, numberCell, yuanCell } from '../sheet-cells.js';
import { withCustomer } from './match-customer.js';

/** Stored-value and visit cards: the balance reminder reads them. */
export const memberCardsKind = (cards: MemberCardRepository) =>
  defineKind({
    name: 'member-cards',
    schema: memberCardSchema,
    async store(ctx, card) {
      const { fields, unmatched } = await withCustomer(ctx, card);
      return { ...(await cards.store(ctx.merchantId, fields, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        卡号: 'externalId',
        会员卡号: 'externalId',
        储值卡号: 'externalId',
        卡名: 'cardName',
        卡类型: 'cardName',
        卡种: 'cardName',
        余额: 'balance',
        储值余额: 'balance',
        卡内余额: 'balance',
        剩余次数: 'visitsLeft',
        剩余次卡: 'visitsLeft',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '卡号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          cardName: raw.cardName,
          balance: raw.balance ? yuanCell(raw.balance) : undefined,
          visitsLeft: numberCell(raw.visitsLeft),
          ...customerFromRow(raw),
        }),
    },
  });
