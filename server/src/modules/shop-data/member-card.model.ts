import { Schema, type Connection, type Types } from 'mongoose';

/** A stored-value or visit card, as the shop's member system last reported it. */
export interface MemberCard {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  cardName: string;
  /** fen */
  balance: number;
  visitsLeft?: number;
  /** when a report last showed the card used (visits left or balance down): a visit (visits reader) */
  lastUsedAt?: Date;
  /** uses seen so far: visits taken off a visit card, else one per balance drop */
  uses?: number;
  createdAt: Date;
  updatedAt: Date;
}
const cardSchema = new Schema<MemberCard>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    cardName: { type: String, default: '会员卡' },
    balance: { type: Number, required: true },
    visitsLeft: Number,
    lastUsedAt: Date,
    uses: Number,
  },
  { timestamps: true },
);
cardSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
cardSchema.index({ merchantId: 1, customerId: 1 });
// Cards used since a date (visits reader).
cardSchema.index({ merchantId: 1, lastUsedAt: -1 });
export const memberCardModel = (conn: Connection) => conn.model<MemberCard>('MemberCard', cardSchema, 'member_cards');
export type MemberCardModel = ReturnType<typeof memberCardModel>;
