// The parents group's weekly study report reads the week's classes of the group's students from shop-data's course
// records. The groups module names only what it reads, so shop-data's repositories answer it as they are.
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { WeekAttendance } from './group-post-writer.js';

const WEEK_MS = 7 * 86_400_000;

export interface StudentAttendance {
  packages: {
    ofCustomers(
      merchantId: MerchantId,
      customerIds: Types.ObjectId[],
    ): Promise<{ externalId: string; studentName?: string; course: string }[]>;
  };
  attendance: {
    forPackagesBetween(
      merchantId: MerchantId,
      packageIds: string[],
      from: Date,
      to: Date,
    ): Promise<{ packageId: string; at: Date; status: 'present' | 'absent' | 'leave' }[]>;
  };
}

/** Classes the group's families' students had in the week (Monday 00:00 to the next, Shanghai time). */
export async function weekAttendance(
  source: StudentAttendance,
  merchantId: MerchantId,
  customerIds: Types.ObjectId[],
  monday: string,
): Promise<WeekAttendance> {
  const packages = await source.packages.ofCustomers(merchantId, customerIds);
  const start = new Date(`${monday}T00:00:00+08:00`);
  const records = packages.length
    ? await source.attendance.forPackagesBetween(
        merchantId,
        packages.map((p) => p.externalId),
        start,
        new Date(start.getTime() + WEEK_MS),
      )
    : [];
  const byStudent = new Map<string, { had: number; present: number }>();
  // An attendance record is one student at one class: the students of a class at the same hour are one 节课
  const sessions = new Set<string>();
  for (const r of records) {
    const pkg = packages.find((p) => p.externalId === r.packageId);
    sessions.add(`${pkg?.course ?? r.packageId}|${r.at.getTime()}`);
    const name = pkg?.studentName ?? '';
    const s = byStudent.get(name) ?? { had: 0, present: 0 };
    byStudent.set(name, { had: s.had + 1, present: s.present + (r.status === 'present' ? 1 : 0) });
  }
  return {
    classes: sessions.size,
    places: records.length,
    present: records.filter((r) => r.status === 'present').length,
    fullAttendance: [...byStudent].filter(([name, s]) => name && s.had === s.present).map(([name]) => name),
  };
}
