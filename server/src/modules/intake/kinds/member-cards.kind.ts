import { memberCardSchema } from '@xiaoer/common/schemas/shop-data';
import type { MemberCardModel } from '../../shop-data/member-card.model.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, defined, numberCell, yuanToFen } from '../sheet-cells.js';
import { storeWithCustomer } from './upsert-record.js';

/** Stored-value and visit cards: the balance reminder reads them. */
export const memberCardsKind = (cards: MemberCardModel) =>
  defineKind({
    name: 'member-cards',
    schema: memberCardSchema,
    store: async (ctx, card) => storeWithCustomer(cards, ctx, card),
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
          balance: raw.balance ? yuanToFen(raw.balance) : undefined,
          visitsLeft: numberCell(raw.visitsLeft),
          ...customerFromRow(raw),
        }),
    },
  });
