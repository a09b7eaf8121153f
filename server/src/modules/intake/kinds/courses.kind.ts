import { attendanceSchema, coursePackageSchema } from '@xiaoer/common/schemas/shop-data';
import type { AttendanceRepository } from '../../shop-data/attendance.repository.js';
import type { CoursePackageRepository } from '../../shop-data/course-package.repository.js';
import { defineKind } from '../intake-kind.js';
import {
  CUSTOMER_HEADERS,
  customerFromRow,
  dateCell,
  defined,
  localTimeToIso,
  numberCell,
  pickFrom,
} from '../sheet-cells.js';
import { gradeCell } from './grade-cell.js';
import { withCustomer } from './match-customer.js';

/** Course packages as the school system counts them (its remainingHours is the truth when it sends one). */
export const coursePackagesKind = (packages: CoursePackageRepository) =>
  defineKind({
    name: 'course-packages',
    schema: coursePackageSchema,
    async store(ctx, p) {
      const { fields, unmatched } = await withCustomer(ctx, p);
      return { ...(await packages.store(ctx.merchantId, fields, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        课时包编号: 'externalId',
        合同号: 'externalId',
        报名编号: 'externalId',
        编号: 'externalId',
        课程: 'course',
        课程名称: 'course',
        班级: 'course',
        学员: 'studentName',
        学员姓名: 'studentName',
        学生姓名: 'studentName',
        总课时: 'totalHours',
        购买课时: 'totalHours',
        剩余课时: 'remainingHours',
        剩余: 'remainingHours',
        年级: 'grade',
        到期日: 'expiresOn',
        有效期至: 'expiresOn',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '课时包编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          course: raw.course ?? '',
          studentName: raw.studentName,
          grade: gradeCell(raw.grade),
          totalHours: numberCell(raw.totalHours),
          remainingHours: numberCell(raw.remainingHours),
          expiresOn: dateCell(raw.expiresOn),
          ...customerFromRow(raw),
        }),
    },
  });

const ATTENDANCE: [RegExp, string][] = [
  [/请假/, 'leave'],
  [/缺勤|旷课|未到/, 'absent'],
  [/出勤|到课|已上|签到|正常/, 'present'],
];

/** Classes attended: a present record uses its hours of the package once, however often it is sent. */
export const attendanceKind = (attendance: AttendanceRepository) =>
  defineKind({
    name: 'attendance',
    schema: attendanceSchema,
    store: ({ merchantId, dryRun }, a) => attendance.store(merchantId, { ...a, at: new Date(a.at) }, dryRun),
    sheet: {
      headers: {
        考勤编号: 'externalId',
        记录号: 'externalId',
        编号: 'externalId',
        课时包编号: 'packageId',
        合同号: 'packageId',
        报名编号: 'packageId',
        上课时间: 'at',
        时间: 'at',
        日期: 'at',
        课时: 'hours',
        消耗课时: 'hours',
        扣课时: 'hours',
        状态: 'status',
        出勤: 'status',
        考勤状态: 'status',
      },
      required: { field: 'externalId', name: '考勤编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          packageId: raw.packageId ?? '',
          at: localTimeToIso(raw.at ?? ''),
          hours: numberCell(raw.hours),
          status: pickFrom(ATTENDANCE, raw.status),
        }),
    },
  });
