// A tutoring centre's timetable and homework, as its school system (校宝, 校管家 …) exports them: the classes each
// student has (the reminder before, the teacher's feedback after), the homework set and handed in, and closures.
import { closureSchema, homeworkSchema, lessonSchema } from '@xiaoer/common/schemas/shop-data';
import type { Types } from 'mongoose';
import type { ShopDataRepositories } from '../../shop-data/shop-data.js';
import { defineKind, type StoreContext } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, dateCell, defined, localTimeToIso, pickFrom } from '../sheet-cells.js';
import { withCustomer } from './match-customer.js';

const HOUR_MS = 3_600_000;

type Packages = Pick<ShopDataRepositories['packages'], 'findOne'>;

/** The family a record names: its customer, else its course package's (the school's records name the package). */
export async function familyOf<R extends { customer?: Parameters<StoreContext['match']>[0]; packageId?: string }>(
  ctx: StoreContext,
  packages: Packages,
  record: R,
) {
  const { fields, unmatched } = await withCustomer(ctx, record);
  if (!unmatched || !record.packageId) return { fields, unmatched };
  const pkg = await packages.findOne(ctx.merchantId, { externalId: record.packageId });
  const customerId = pkg?.customerId as Types.ObjectId | undefined;
  return { fields: { ...fields, ...(customerId ? { customerId } : {}) }, unmatched: !customerId };
}

export const STUDENT_HEADERS = { 学员: 'studentName', 学员姓名: 'studentName', 学生姓名: 'studentName' };
export const PACKAGE_HEADERS = { 课时包编号: 'packageId', 报名编号: 'packageId' };

const LESSON_STATUSES: [RegExp, string][] = [
  [/取消|停课/, 'cancelled'],
  [/已上|已完成|已结束|完成/, 'held'],
  [/待上|未上|排课|已排/, 'scheduled'],
];

export const lessonsKind = (d: Pick<ShopDataRepositories, 'lessons' | 'packages'>) =>
  defineKind({
    name: 'lessons',
    schema: lessonSchema,
    async store(ctx, l) {
      const { fields, unmatched } = await familyOf(ctx, d.packages, l);
      const startAt = new Date(l.startAt);
      const stored = { ...fields, startAt, endAt: l.endAt ? new Date(l.endAt) : new Date(startAt.getTime() + HOUR_MS) };
      return { ...(await d.lessons.store(ctx.merchantId, stored, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        排课编号: 'externalId',
        课次编号: 'externalId',
        编号: 'externalId',
        课程: 'course',
        课程名称: 'course',
        上课时间: 'startAt',
        开始时间: 'startAt',
        下课时间: 'endAt',
        结束时间: 'endAt',
        状态: 'status',
        老师: 'teacher',
        授课老师: 'teacher',
        预习: 'preparation',
        预习建议: 'preparation',
        课堂反馈: 'feedback',
        课后点评: 'feedback',
        老师点评: 'feedback',
        ...STUDENT_HEADERS,
        ...PACKAGE_HEADERS,
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '排课编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          course: raw.course ?? '',
          startAt: localTimeToIso(raw.startAt ?? ''),
          endAt: raw.endAt ? localTimeToIso(raw.endAt) : undefined,
          status: pickFrom(LESSON_STATUSES, raw.status, 'scheduled'),
          teacher: raw.teacher,
          preparation: raw.preparation,
          feedback: raw.feedback,
          studentName: raw.studentName,
          packageId: raw.packageId,
          ...customerFromRow(raw),
        }),
    },
  });

export const homeworkKind = (d: Pick<ShopDataRepositories, 'homework' | 'packages'>) =>
  defineKind({
    name: 'homework',
    schema: homeworkSchema,
    async store(ctx, h) {
      const { fields, unmatched } = await familyOf(ctx, d.packages, h);
      const stored = {
        ...fields,
        dueAt: new Date(h.dueAt),
        submittedAt: h.submittedAt ? new Date(h.submittedAt) : undefined,
      };
      return { ...(await d.homework.store(ctx.merchantId, stored, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        作业编号: 'externalId',
        编号: 'externalId',
        作业: 'title',
        作业内容: 'title',
        截止时间: 'dueAt',
        提交截止: 'dueAt',
        提交时间: 'submittedAt',
        课程: 'course',
        ...STUDENT_HEADERS,
        ...PACKAGE_HEADERS,
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '作业编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          title: raw.title ?? '',
          dueAt: localTimeToIso(raw.dueAt ?? ''),
          submittedAt: raw.submittedAt ? localTimeToIso(raw.submittedAt) : undefined,
          course: raw.course,
          studentName: raw.studentName,
          packageId: raw.packageId,
          ...customerFromRow(raw),
        }),
    },
  });

export const closuresKind = (closures: ShopDataRepositories['closures']) =>
  defineKind({
    name: 'closures',
    schema: closureSchema,
    async store(ctx, c) {
      return closures.store(ctx.merchantId, c, ctx.dryRun);
    },
    sheet: {
      headers: {
        停课编号: 'externalId',
        编号: 'externalId',
        原因: 'reason',
        停课原因: 'reason',
        开始日期: 'startOn',
        停课开始: 'startOn',
        结束日期: 'endOn',
        停课结束: 'endOn',
        课程: 'course',
        假期作业: 'homework',
      },
      required: { field: 'externalId', name: '停课编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          reason: raw.reason ?? '',
          startOn: dateCell(raw.startOn),
          endOn: dateCell(raw.endOn),
          course: raw.course,
          homework: raw.homework,
        }),
    },
  });
