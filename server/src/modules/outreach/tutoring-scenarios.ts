// Tutoring centres' notices to parents, from the school system's timetable, homework, test results and closures
// (docs/INTAKE.md): the reminder before a class with what to prepare, the teacher's feedback after it, homework not
// handed in by the evening (firmer after some days), last month's progress with its tests, and a closure a week ahead.
// Each says only what the records hold — a line the data does not back is left out — and none quotes money.
import type { Types } from 'mongoose';
import { localTime, merchantZone } from '../clock/business-hours.js';
import { addDays, lastCompletePeriod, startOfLocalDay } from '../clock/period.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { assessmentSentence } from './assessment-lines.js';
import { noticeExpiry } from './notice-expiry.js';
import { call, MAX_DRAFTS_PER_RUN, type Candidate, type Scenario } from './scenarios.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type Sources = Pick<
  ShopDataRepositories,
  'lessons' | 'homework' | 'closures' | 'packages' | 'attendance' | 'assessments'
>;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** "今天 18:00" / "明天 09:00" / "12月3日 18:00": a moment as a parent reads it, in the shop's zone. */
export function whenLabel(at: Date, now: Date, zone: string): string {
  const [t, today] = [localTime(at, zone), localTime(now, zone).date];
  const day = t.date === today ? '今天' : t.date === addDays(today, 1) ? '明天' : monthDay(t.date);
  return `${day}${day.endsWith('日') ? ' ' : ''}${hhmm(t.minutes)}`;
}
/** "2026-12-03" → "12月3日" */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const child = (r: { studentName?: string }) => r.studentName || '孩子';
const zoneOf = (kb: KnowledgeBase) => merchantZone(kb.merchant);

/**
 * Candidates for the families the rows name, one message per family (their rows together, in the order found), the
 * families no longer ours skipped.
 */
export async function perFamily<R extends { customerId?: Types.ObjectId }>(
  customers: CustomerRepository,
  merchantId: Parameters<CustomerRepository['findManyByIds']>[0],
  rows: R[],
  make: (rows: R[], customer: Candidate['customer']) => Omit<Candidate, 'customer'> | null,
): Promise<Candidate[]> {
  const byFamily = new Map<string, R[]>();
  for (const r of rows) {
    if (!r.customerId) continue;
    const key = String(r.customerId);
    byFamily.set(key, [...(byFamily.get(key) ?? []), r]);
  }
  const ids = [...byFamily.values()].slice(0, MAX_DRAFTS_PER_RUN).map((r) => r[0]!.customerId!);
  const found = await customers.findManyByIds(merchantId, ids);
  return ids.flatMap((id) => {
    const customer = found.get(String(id));
    const made = customer && make(byFamily.get(String(id))!, customer);
    return made ? [{ customer, ...made }] : [];
  });
}

export function tutoringScenarios(deps: { customers: CustomerRepository; shopData: Sources }): Scenario[] {
  const { lessons, homework, closures, packages, attendance, assessments } = deps.shopData;

  const classReminder: Scenario = {
    key: 'class_reminder',
    repeatAfterDays: 0,
    timing: 'continuous',
    async find({ merchantId, kb, now, settings }) {
      const { hoursBefore } = settings.class_reminder;
      const soon = await lessons.startingBetween(
        merchantId,
        now,
        new Date(now.getTime() + hoursBefore * 3_600_000),
        MAX_DRAFTS_PER_RUN,
      );
      return perFamily(deps.customers, merchantId, soon, ([l], c) => {
        const when = whenLabel(l!.startAt, now, zoneOf(kb));
        const teacher = l!.teacher ? `（${l!.teacher}老师）` : '';
        const prepare = l!.preparation ? `课前可以先准备一下：${l!.preparation}` : '';
        return {
          text: `${call(c)}您好，${child(l!)}${when}有${l!.course}课${teacher}，记得准时到哦。${prepare}`,
          reason: `${child(l!)}${when}上${l!.course}`,
          citedIds: [],
          quoted: [when, l!.preparation ?? ''],
          expires: noticeExpiry(l!.startAt, '课程', now, zoneOf(kb)),
        };
      });
    },
  };

  const classFeedback: Scenario = {
    key: 'class_feedback',
    repeatAfterDays: 0,
    timing: 'continuous',
    async find({ merchantId, now, settings }) {
      // classes that ended at least `minutesAfter` ago, within the last half day (quiet hours may have held it)
      const to = new Date(now.getTime() - settings.class_feedback.minutesAfter * MINUTE_MS);
      const ended = await lessons.endedWithFeedback(
        merchantId,
        new Date(to.getTime() - DAY_MS / 2),
        to,
        MAX_DRAFTS_PER_RUN,
      );
      return perFamily(deps.customers, merchantId, ended, (rows, c) => {
        const l = rows.at(-1)!; // the family's latest class
        const teacher = l.teacher ? `${l.teacher}老师` : '老师';
        return {
          text: `${call(c)}您好，${child(l)}的${l.course}课下课了，${teacher}的课堂反馈：${l.feedback}`,
          reason: `${child(l)}的${l.course}课已下课，${teacher}写了反馈`,
          citedIds: [],
          quoted: [l.feedback ?? ''],
        };
      });
    },
  };

  const homeworkReminder: Scenario = {
    key: 'homework_reminder',
    repeatAfterDays: 0,
    timing: (settings) => settings.homework_reminder.at,
    async find({ merchantId, kb, day, settings }) {
      const zone = zoneOf(kb);
      const { escalateAfterDays } = settings.homework_reminder;
      // due by the end of today and not handed in
      const open = await homework.outstanding(merchantId, startOfLocalDay(addDays(day, 1), zone), MAX_DRAFTS_PER_RUN);
      const overdue = (h: { dueAt: Date }) =>
        Math.max(0, Math.round((Date.parse(day) - Date.parse(localTime(h.dueAt, zone).date)) / DAY_MS));
      return perFamily(deps.customers, merchantId, open, (rows, c) => {
        const days = Math.max(...rows.map(overdue));
        const titles = rows.map((h) => h.title).join('、');
        const who = [...new Set(rows.map(child))].join('、');
        if (days >= escalateAfterDays)
          return {
            text: `${call(c)}您好，${who}的作业（${titles}）已经${days}天没有提交了，老师有些担心，是不是遇到了困难？方便的话回复我一下，我们一起帮孩子跟上。`,
            reason: `作业${titles}已过截止${days}天未交（升级提醒）`,
            citedIds: [],
            quoted: [titles],
          };
        return {
          text: `${call(c)}您好，${who}还有作业没有提交：${titles}${days ? `（已过截止${days}天）` : '（今天截止）'}，记得提醒孩子完成后提交哦。`,
          reason: days ? `作业${titles}已过截止${days}天未交` : `作业${titles}今天截止，还没交`,
          citedIds: [],
          quoted: [titles],
        };
      });
    },
  };

  const progressReport: Scenario = {
    key: 'progress_report',
    repeatAfterDays: 20,
    async find({ merchantId, kb, day, settings }) {
      if (Number(day.slice(8, 10)) !== settings.progress_report.day) return [];
      const month = lastCompletePeriod('month', day, zoneOf(kb));
      const held = await packages.ofFamilies(merchantId, 5000);
      if (!held.length) return [];
      const families = held.map((p) => p.customerId!);
      const [classes, work, notes, results] = await Promise.all([
        attendance.forPackagesBetween(
          merchantId,
          held.map((p) => p.externalId),
          month.start,
          month.end,
        ),
        homework.dueBetween(merchantId, families, month.start, month.end),
        lessons.withFeedbackBetween(merchantId, families, month.start, month.end),
        // the month's tests, and the year before for the previous test of each subject
        assessments.ofFamiliesBetween(merchantId, families, addDays(month.from, -365), month.to),
      ]);
      const label = `${Number(month.from.slice(5, 7))}月`;
      return perFamily(deps.customers, merchantId, held, (pkgs, c) => {
        const own = new Set(pkgs.map((p) => p.externalId));
        const had = classes.filter((a) => own.has(a.packageId));
        const set = work.filter((h) => String(h.customerId) === String(c._id));
        const tests = assessmentSentence(
          results.filter((a) => String(a.customerId) === String(c._id)),
          month.from,
        );
        if (!had.length && !set.length && !tests.text) return null; // nothing this month the report could say
        const lines: string[] = [];
        if (had.length) {
          const present = had.filter((a) => a.status === 'present').length;
          // full attendance is 全勤: "100%" reads as an absolute claim to the advertising-law guardrail
          const rate = present === had.length ? '全勤' : `${Math.round((present / had.length) * 100)}%`;
          lines.push(`出勤${present}/${had.length}节（${rate}）`);
        }
        if (set.length) {
          const onTime = set.filter((h) => h.submittedAt && h.submittedAt <= h.dueAt).length;
          lines.push(`作业按时提交${onTime}/${set.length}次`);
        }
        for (const p of pkgs) lines.push(`${p.course}还剩${p.remainingHours}节`);
        const who = [...new Set(pkgs.map(child))].join('、');
        // the teacher's latest notes of the month stand for 老师建议
        const note = notes.find((l) => String(l.customerId) === String(c._id));
        const advice = note ? `${note.teacher ? `${note.teacher}老师` : '老师'}最近的反馈：${note.feedback}。` : '';
        return {
          text: `${call(c)}您好，这是${who}${label}的学习情况：${lines.join('；')}。${tests.text}${advice}想和老师聊聊孩子的情况，随时告诉我。`,
          reason: `${label}学情：${lines.slice(0, 2).join('，')}${tests.text ? '，有测评成绩' : ''}`,
          citedIds: [],
          quoted: [note?.feedback ?? '', ...tests.quoted],
        };
      });
    },
  };

  const closureNotice: Scenario = {
    key: 'closure_notice',
    // a family is told once about a closure, not again on each of the days before it
    repeatAfterDays: 7,
    async find({ merchantId, kb, now, day, settings }) {
      const coming = await closures.startingBetween(
        merchantId,
        addDays(day, 1),
        addDays(day, settings.closure_notice.daysAhead),
      );
      if (!coming.length) return [];
      const held = (await packages.ofFamilies(merchantId, 5000)).filter(
        (p) => p.remainingHours > 0 && (!p.expiresOn || p.expiresOn >= day),
      );
      const closure = coming[0]!; // the nearest; a later one is told when it comes near
      const affected = held.filter((p) => !closure.course || p.course === closure.course);
      return perFamily(deps.customers, merchantId, affected, (_pkgs, c) => {
        const what = closure.course ? `${closure.course}课` : '所有课程';
        const dates = `${monthDay(closure.startOn)}至${monthDay(closure.endOn)}`;
        const homeworkLine = closure.homework ? `假期作业：${closure.homework}。` : '';
        return {
          text: `${call(c)}您好，${closure.reason}期间${what}停课（${dates}），${monthDay(addDays(closure.endOn, 1))}起照常上课。${homeworkLine}有问题随时问我。`,
          reason: `${closure.reason}停课${dates}`,
          citedIds: [],
          quoted: [closure.homework ?? ''],
          // its dates are written out (12月3日), not 今天/明天: it holds until the closure begins
          expires: noticeExpiry(startOfLocalDay(closure.startOn, zoneOf(kb)), '停课', now, zoneOf(kb), false),
        };
      });
    },
  };

  return [classReminder, classFeedback, homeworkReminder, progressReport, closureNotice];
}
