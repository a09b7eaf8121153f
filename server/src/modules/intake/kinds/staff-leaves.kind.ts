import { staffLeaveSchema } from '@xiaoer/common/schemas/shop-data';
import type { StaffLeaveRepository } from '../../shop-data/staff-leave.repository.js';
import { defineKind } from '../intake-kind.js';
import { defined, localTimeToIso } from '../sheet-cells.js';

/** A technician's leave from the booking system's 排班: the bookings with them in it are moved (outreach). */
export const staffLeavesKind = (leaves: StaffLeaveRepository) =>
  defineKind({
    name: 'staff-leaves',
    schema: staffLeaveSchema,
    async store(ctx, l) {
      return leaves.store(ctx.merchantId, { ...l, from: new Date(l.from), to: new Date(l.to) }, ctx.dryRun);
    },
    sheet: {
      headers: {
        请假编号: 'externalId',
        编号: 'externalId',
        技师: 'staffName',
        美容师: 'staffName',
        发型师: 'staffName',
        员工: 'staffName',
        开始时间: 'from',
        请假开始: 'from',
        结束时间: 'to',
        请假结束: 'to',
      },
      required: { field: 'externalId', name: '请假编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          staffName: raw.staffName ?? '',
          from: localTimeToIso(raw.from ?? ''),
          to: localTimeToIso(raw.to ?? ''),
        }),
    },
  });
