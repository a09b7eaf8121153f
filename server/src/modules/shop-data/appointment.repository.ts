import type { Types } from 'mongoose';
import { CustomerRecordRepository } from '../../db/customer-record-repository.js';
import type { Stored, StoreResult } from '../../db/intake-record-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Appointment, AppointmentModel } from './appointment.model.js';

export type AppointmentRecord = Stored<Appointment>;
export type NewAppointment = Omit<Appointment, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** A customer's completed visits of one service, oldest first, with who served each. */
export interface ServiceVisits {
  _id: { c: Types.ObjectId; s: string };
  visits: Date[];
  staff: (string | null)[];
}

/** One customer's visits from one kind of record: how many, what they paid (fen), the latest. */
export interface CustomerVisits {
  _id: Types.ObjectId;
  visits: number;
  spend: number;
  first: Date;
  last: Date;
}

/** Bookings from the shop's booking system, by booking number. */
export class AppointmentRepository extends CustomerRecordRepository<Appointment> {
  constructor(model: AppointmentModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewAppointment,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Known customers' completed visits in [from, to), per customer and service: their own cycles. */
  completedVisitsByService(merchantId: MerchantId, from: Date, to: Date): Promise<ServiceVisits[]> {
    return this.model
      .aggregate<ServiceVisits>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            status: 'completed',
            customerId: { $ne: null },
            startAt: { $gte: from, $lt: to },
          },
        },
        { $sort: { startAt: 1 } },
        {
          $group: {
            _id: { c: '$customerId', s: '$service' },
            visits: { $push: '$startAt' },
            staff: { $push: '$staffName' },
          },
        },
      ])
      .exec();
  }

  /** Customers with a booking at or after `from` (no reminder for who has booked already). */
  async customersBookedFrom(merchantId: MerchantId, from: Date): Promise<Types.ObjectId[]> {
    const filter = this.scoped(merchantId, { status: 'booked', startAt: { $gte: from } });
    return (await this.model.distinct('customerId', filter).exec()) as Types.ObjectId[];
  }

  /** What a completed paid visit costs each of these customers on average since `since`, fen, by customer id. */
  async averageSpend(merchantId: MerchantId, customerIds: Types.ObjectId[], since: Date): Promise<Map<string, number>> {
    const rows = await this.model
      .aggregate<{ _id: Types.ObjectId; avg: number }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            customerId: { $in: customerIds },
            status: 'completed',
            amount: { $gt: 0 },
            startAt: { $gte: since },
          },
        },
        { $group: { _id: '$customerId', avg: { $avg: '$amount' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [String(r._id), r.avg]));
  }

  /**
   * Per known customer (or only `customerId`) since `since`: completed services (visits), their amounts, the first
   * and the last (visits reader).
   */
  visitsSince(merchantId: MerchantId, since: Date, customerId?: Types.ObjectId): Promise<CustomerVisits[]> {
    return this.model
      .aggregate<CustomerVisits>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            status: 'completed',
            customerId: customerId ?? { $ne: null },
            startAt: { $gte: since },
          },
        },
        {
          $group: {
            _id: '$customerId',
            visits: { $sum: 1 },
            spend: { $sum: { $ifNull: ['$amount', 0] } },
            first: { $min: '$startAt' },
            last: { $max: '$startAt' },
          },
        },
      ])
      .exec();
  }

  /** Known customers' services completed in [from, to), newest first: the follow-up the day after. */
  completedBetween(merchantId: MerchantId, from: Date, to: Date, limit: number): Promise<AppointmentRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, { status: 'completed', customerId: { $ne: null }, startAt: { $gte: from, $lt: to } }),
      )
      .sort({ startAt: -1 })
      .limit(limit)
      .lean<AppointmentRecord[]>()
      .exec();
  }

  /**
   * The completed bookings in [from, to) that name a staff member, each with its customer and what it came to (fen):
   * the month's staff figures (an order paying for one is not counted again).
   */
  staffBookingsBetween(
    merchantId: MerchantId,
    from: Date,
    to: Date,
  ): Promise<Pick<AppointmentRecord, 'staffName' | 'customerId' | 'startAt' | 'amount'>[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          status: 'completed',
          staffName: { $nin: [null, ''] },
          startAt: { $gte: from, $lt: to },
        }),
        { staffName: 1, customerId: 1, startAt: 1, amount: 1 },
      )
      .lean<Pick<AppointmentRecord, 'staffName' | 'customerId' | 'startAt' | 'amount'>[]>()
      .exec();
  }

  /** Known customers' bookings still on in [from, to), soonest first (of one technician): reminders and leave. */
  bookedBetween(
    merchantId: MerchantId,
    from: Date,
    to: Date,
    limit: number,
    staffName?: string,
  ): Promise<AppointmentRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          status: 'booked',
          customerId: { $ne: null },
          startAt: { $gte: from, $lt: to },
          ...(staffName ? { staffName } : {}),
        }),
      )
      .sort({ startAt: 1 })
      .limit(limit)
      .lean<AppointmentRecord[]>()
      .exec();
  }

  /** The technicians with a booking starting less than `marginMs` before or after `at` (any customer, matched or not). */
  async staffBusyAround(merchantId: MerchantId, at: Date, marginMs: number): Promise<Set<string>> {
    const names = await this.model
      .distinct(
        'staffName',
        this.scoped(merchantId, {
          status: 'booked',
          startAt: { $gt: new Date(at.getTime() - marginMs), $lt: new Date(at.getTime() + marginMs) },
        }),
      )
      .exec();
    return new Set(names.filter((n): n is string => typeof n === 'string' && n.length > 0));
  }

  /** Who did each service since `since` (completed bookings naming a technician): whom to offer in another's place. */
  async staffByService(merchantId: MerchantId, since: Date): Promise<Map<string, string[]>> {
    const rows = await this.model
      .aggregate<{ _id: string; staff: string[] }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            status: 'completed',
            staffName: { $nin: [null, ''] },
            startAt: { $gte: since },
          },
        },
        { $group: { _id: '$service', staff: { $addToSet: '$staffName' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, r.staff.sort()]));
  }
}
