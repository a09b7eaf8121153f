import type { CustomerRef } from '@xiaoer/common/schemas/intake';
import type { IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import type { MerchantId } from '../../tenancy/merchant-id.js';

/** Something an owner may need to hear about at once (the alerts act on these after the batch is stored). */
export type IntakeEvent =
  | {
      type: 'order';
      externalId: string;
      placedAt: Date;
      channel: string;
      status: string;
      amount: number;
      created: boolean;
    }
  | { type: 'review'; reviewId: Types.ObjectId; created: boolean }
  | { type: 'stock'; item: string }
  | { type: 'redemption'; externalId: string; voucherCode: string; staffName?: string; at: Date; created: boolean };

export interface StoreContext {
  merchantId: MerchantId;
  /** the customer the record names, or undefined when none matched */
  match(ref: CustomerRef | undefined): Promise<Types.ObjectId | undefined>;
  /** the merchant's shop a record names (by id or name): undefined when it names none, null when not one of ours */
  shop(ref: string | undefined): Promise<{ id: Types.ObjectId; name: string } | null | undefined>;
  /** the shops the reporter may write for (a 店长 of some shops); undefined: every shop (owner, webhook) */
  scope?: Types.ObjectId[];
  dryRun: boolean;
  /**
   * The records' order and customer come from outside what the sender signed (快递100's callback URL): they may link a
   * record not linked yet, never relink one. Only shipments are linked so (the one kind a push names them for).
   */
  keepLinks?: boolean;
}

export interface StoreOutcome {
  result: 'created' | 'updated' | 'unchanged';
  /** stored without a customer: none named, or none of ours matched */
  unmatched?: boolean;
  events?: IntakeEvent[];
  /** not stored: the record's fields that our data contradicts (an unknown shop), in Chinese */
  rejected?: Record<string, string>;
}

/**
 * One kind of shop record the intake takes: how a record is validated, stored idempotently by its sender's id,
 * and read from a spreadsheet row. The webhook, the API and the import all go through the same definition.
 */
export interface IntakeKind<T extends { externalId: string } = { externalId: string }> {
  name: IntakeKindName;
  schema: z.ZodType<T>;
  store(ctx: StoreContext, record: T): Promise<StoreOutcome>;
  sheet: {
    /** usual Chinese headers → fields */
    headers: Record<string, string>;
    /** the header a sheet cannot do without (its Chinese name, for the error) */
    required: { field: string; name: string };
    fromRow(raw: Record<string, string>): Record<string, unknown>;
  };
}

/** Typed helper: keeps each kind's record type while the registry holds them all. */
export const defineKind = <T extends { externalId: string }>(kind: IntakeKind<T>) => kind as unknown as IntakeKind;
