import { activitySchema } from '@xiaoer/common/schemas/shop-data';
import type { ActivityRepository } from '../../shop-data/activity.repository.js';
import { defineKind } from '../intake-kind.js';
import { dateCell, defined, numberCell, yuanCell } from '../sheet-cells.js';
import { gradeCell } from './grade-cell.js';

/** A school's activities open for sign-up (研学, 比赛, 公开课): offered to the families whose child fits. */
export const activitiesKind = (activities: ActivityRepository) =>
  defineKind({
    name: 'activities',
    schema: activitySchema,
    store: (ctx, a) => activities.store(ctx.merchantId, a, ctx.dryRun),
    sheet: {
      headers: {
        活动编号: 'externalId',
        编号: 'externalId',
        活动名称: 'name',
        活动: 'name',
        活动日期: 'date',
        日期: 'date',
        最低年级: 'minGrade',
        最高年级: 'maxGrade',
        课程: 'course',
        费用: 'fee',
        报名费: 'fee',
        名额: 'seats',
      },
      required: { field: 'name', name: '活动名称' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? `${raw.name ?? ''}@${raw.date ?? ''}`,
          name: raw.name ?? '',
          date: dateCell(raw.date),
          minGrade: gradeCell(raw.minGrade),
          maxGrade: gradeCell(raw.maxGrade),
          course: raw.course,
          fee: raw.fee ? yuanCell(raw.fee) : undefined,
          seats: numberCell(raw.seats),
        }),
    },
  });
