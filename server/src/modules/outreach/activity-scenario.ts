// A school's activity (研学, 比赛, 公开课) offered to the families whose child fits it: the course they take, and
// the grade the school system gives for the child within the activity's range. The text says only what the activity's
// record holds — its name, day, grades, cost and seats — and the child's name from their own package.
import { yuanText } from '@xiaoer/common/money';
import { merchantZone } from '../clock/business-hours.js';
import { addDays, startOfLocalDay } from '../clock/period.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import { gradeName } from '../intake/kinds/grade-cell.js';
import type { ActivityRecord } from '../shop-data/activity.repository.js';
import type { CoursePackageRecord } from '../shop-data/course-package.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { noticeExpiry } from './notice-expiry.js';
import { call, type Scenario } from './scenarios.js';
import { monthDay, perFamily } from './tutoring-scenarios.js';

/** Whether a child's package fits the activity: its course, and a grade inside the range (a range needs a grade). */
export const fits = (a: ActivityRecord, p: CoursePackageRecord) =>
  (!a.course || a.course === p.course) &&
  (a.minGrade === undefined || (p.grade !== undefined && p.grade >= a.minGrade)) &&
  (a.maxGrade === undefined || (p.grade !== undefined && p.grade <= a.maxGrade));

const gradeRange = (a: ActivityRecord) => {
  if (a.minGrade === undefined && a.maxGrade === undefined) return '';
  if (a.minGrade === a.maxGrade) return `面向${gradeName(a.minGrade!)}`;
  if (a.maxGrade === undefined) return `面向${gradeName(a.minGrade!)}及以上`;
  if (a.minGrade === undefined) return `面向${gradeName(a.maxGrade)}及以下`;
  return `面向${gradeName(a.minGrade)}到${gradeName(a.maxGrade)}`;
};

/** The offer, from the activity's record and the children's names only; a detail the record lacks is left out. */
export function activityText(a: ActivityRecord, children: string[], parent: string): string {
  const details = [
    gradeRange(a),
    children.length ? `${children.join('和')}可以参加` : '',
    a.fee === undefined ? '' : a.fee === 0 ? '免费参加' : `费用${yuanText(a.fee)}元`,
    a.seats ? `共${a.seats}个名额` : '',
  ].filter(Boolean);
  const rest = details.length ? `，${details.join('，')}` : '';
  return `${parent}您好，${monthDay(a.date)}的「${a.name}」开始报名了${rest}。想报名直接回复我。`;
}

export function activityScenario(deps: {
  customers: CustomerRepository;
  shopData: Pick<ShopDataRepositories, 'activities' | 'packages'>;
}): Scenario {
  const { activities, packages } = deps.shopData;
  return {
    key: 'activity_signup',
    // one offer a week at most: a family is not told of every activity on the list at once
    repeatAfterDays: 7,
    async find({ merchantId, kb, now, day, settings }) {
      const coming = await activities.onDaysBetween(
        merchantId,
        addDays(day, 1),
        addDays(day, settings.activity_signup.daysAhead),
      );
      if (!coming.length) return [];
      const held = (await packages.ofFamilies(merchantId, 5000)).filter(
        (p) => p.remainingHours > 0 && (!p.expiresOn || p.expiresOn >= day),
      );
      // each family the soonest activity that fits one of their children
      const offer = new Map<string, ActivityRecord>();
      const rows = held.flatMap((p) => {
        const a = coming.find((x) => fits(x, p));
        if (!a) return [];
        const family = String(p.customerId);
        if (!offer.has(family)) offer.set(family, a);
        return offer.get(family) === a ? [p] : [];
      });
      return perFamily(deps.customers, merchantId, rows, (pkgs, c) => {
        const a = offer.get(String(c._id))!;
        const children = [...new Set(pkgs.flatMap((p) => (p.studentName ? [p.studentName] : [])))];
        return {
          text: activityText(a, children, call(c)),
          reason: `${monthDay(a.date)}「${a.name}」适合${children.join('、') || '孩子'}`,
          citedIds: [],
          // the activity's own record: its name and cost are the school's, not the menu's
          quoted: [a.name, a.fee ? `${yuanText(a.fee)}元` : ''],
          // an invitation to something already under way is no use: it lapses when the activity's day begins
          expires: noticeExpiry(
            startOfLocalDay(a.date, merchantZone(kb.merchant)),
            '活动',
            now,
            merchantZone(kb.merchant),
            false,
          ),
        };
      });
    },
  };
}
