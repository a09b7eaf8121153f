import { appointmentSchema } from '@xiaoer/common/schemas/shop-data';
import type { AppointmentRepository } from '../../shop-data/appointment.repository.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, defined, localTimeToIso, pickFrom, yuanCell } from '../sheet-cells.js';
import { withCustomer } from './match-customer.js';

const STATUSES: [RegExp, string][] = [
  [/取消/, 'cancelled'],
  [/爽约|未到|失约/, 'no_show'],
  [/完成|已服务|已到店|已结账/, 'completed'],
  [/预约|待服务|待到店|已确认/, 'booked'],
];

/** Bookings of local-service shops: their cycles and the follow-up the day after. */
export const appointmentsKind = (appointments: AppointmentRepository) =>
  defineKind({
    name: 'appointments',
    schema: appointmentSchema,
    async store(ctx, a) {
      const { fields, unmatched } = await withCustomer(ctx, a);
      const stored = { ...fields, startAt: new Date(a.startAt) };
      return { ...(await appointments.store(ctx.merchantId, stored, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        预约号: 'externalId',
        预约编号: 'externalId',
        单号: 'externalId',
        项目: 'service',
        服务项目: 'service',
        预约项目: 'service',
        预约时间: 'startAt',
        到店时间: 'startAt',
        服务时间: 'startAt',
        时间: 'startAt',
        状态: 'status',
        预约状态: 'status',
        技师: 'staffName',
        美容师: 'staffName',
        发型师: 'staffName',
        服务人员: 'staffName',
        金额: 'amount',
        消费金额: 'amount',
        实收金额: 'amount',
        会员卡号: 'memberNo',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '预约号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          service: raw.service ?? '',
          startAt: localTimeToIso(raw.startAt ?? ''),
          status: pickFrom(STATUSES, raw.status, 'booked'),
          staffName: raw.staffName,
          amount: raw.amount ? yuanCell(raw.amount) : undefined,
          ...customerFromRow(raw),
        }),
    },
  });
