import { activitySchema, festivalOfferSchema } from '@xiaoer/common/schemas/shop-data';
import type { ActivityRepository } from '../../shop-data/activity.repository.js';
import type { FestivalOfferRepository } from '../../shop-data/festival-offer.repository.js';
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

/** Festival packages the shop enters (节日套餐): the only packages a festival's message may name. */
export const festivalOffersKind = (offers: FestivalOfferRepository) =>
  defineKind({
    name: 'festival-offers',
    schema: festivalOfferSchema,
    store: (ctx, o) => offers.store(ctx.merchantId, o, ctx.dryRun),
    sheet: {
      headers: {
        套餐编号: 'externalId',
        编号: 'externalId',
        节日: 'festival',
        套餐名称: 'name',
        套餐: 'name',
        价格: 'price',
        内容: 'content',
        套餐内容: 'content',
      },
      required: { field: 'name', name: '套餐名称' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? `${raw.festival ?? ''}:${raw.name ?? ''}`,
          festival: raw.festival ?? '',
          name: raw.name ?? '',
          price: raw.price ? yuanCell(raw.price) : undefined,
          content: raw.content,
        }),
    },
  });
