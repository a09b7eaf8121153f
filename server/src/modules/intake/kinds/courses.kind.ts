import { attendanceSchema, coursePackageSchema } from '@xiaoer/common/schemas/shop-data';
import type { Attendance, AttendanceModel, CoursePackageModel } from '../../shop-data/course.model.js';
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
import { rememberIdIn, storeApplyingOnce, type Effect } from './applied-once.js';
import { storeWithCustomer } from './upsert-record.js';

/** Course packages as the school system counts them (its remainingHours is the truth when it sends one). */
export const coursePackagesKind = (packages: CoursePackageModel) =>
  defineKind({
    name: 'course-packages',
    schema: coursePackageSchema,
    store: async (ctx, p) => storeWithCustomer(packages, ctx, p),
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

/**
 * A present record's hours off its package, never below zero (a package the school topped up since is corrected by
 * its next snapshot); an unknown package is left alone. See applied-once.ts.
 */
export const attendanceEffect = (attendance: AttendanceModel, packages: CoursePackageModel): Effect<Attendance> => ({
  records: attendance,
  target: 'packageId',
  changes: (a) => a.status === 'present' && a.hours > 0,
  async apply(a) {
    const res = await packages
      .updateOne(
        { merchantId: a.merchantId, externalId: a.packageId, appliedAttendance: { $ne: a.externalId } },
        [
          {
            $set: {
              remainingHours: { $max: [0, { $subtract: ['$remainingHours', a.hours] }] },
              appliedAttendance: rememberIdIn('appliedAttendance', a.externalId),
            },
          },
        ],
        { updatePipeline: true },
      )
      .exec();
    return res.matchedCount > 0;
  },
});

/** Classes attended: a present record uses its hours of the package once, however often it is sent. */
export const attendanceKind = (attendance: AttendanceModel, packages: CoursePackageModel) => {
  const effect = attendanceEffect(attendance, packages);
  return defineKind({
    name: 'attendance',
    schema: attendanceSchema,
    async store({ merchantId, dryRun }, a) {
      return { result: (await storeApplyingOnce(effect, merchantId, { ...a, at: new Date(a.at) }, dryRun)).result };
    },
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
};
