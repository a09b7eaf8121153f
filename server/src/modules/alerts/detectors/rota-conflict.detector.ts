import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { localTime, merchantZone } from '../../clock/business-hours.js';
import { startOfLocalDay } from '../../clock/period.js';
import type { OrderRepository } from '../../orders/order.repository.js';
import { historyWindow, weekdayHistory, type WeekdayDay } from '../../orders/weekday-history.js';
import { whenLabel } from '../../outreach/tutoring-scenarios.js';
import { afterReportTime, DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

const HOUR_MS = 3_600_000;
/** weeks of the same weekday that say which hours are the peak */
const WEEKS = 4;

export interface ShiftRow {
  externalId: string;
  staffName: string;
  startAt: Date;
  endAt: Date;
}
export interface LeaveRow {
  externalId: string;
  staffName: string;
  from: Date;
  to: Date;
}
export interface RotaReader {
  overlapping(merchantId: MerchantId, from: Date, to: Date): Promise<ShiftRow[]>;
}
export interface LeaveReader {
  notOver(merchantId: MerchantId, now: Date): Promise<LeaveRow[]>;
}

const overlaps = (a: { from: Date; to: Date }, b: { from: Date; to: Date }) => a.from < b.to && b.from < a.to;
const span = (s: ShiftRow) => ({ from: s.startAt, to: s.endAt });

/**
 * The rota's conflicts, each told once: a person on two shifts at once, a shift inside the person's leave, and a
 * peak hour (one that averaged `peakOrders`+ orders on that weekday) with fewer than `minStaff` on shift. Only days
 * the rota covers are judged, so a shop that sends no rota for a day hears nothing of it.
 */
export function rotaConflictRule(p: {
  shifts: ShiftRow[];
  leaves: LeaveRow[];
  history: Map<number, WeekdayDay>;
  minStaff: number;
  peakOrders: number;
  now: Date;
  zone: string;
}): NewAlert[] {
  const at = (d: Date) => whenLabel(d, p.now, p.zone);
  const alerts: NewAlert[] = [];
  const byStaff = new Map<string, ShiftRow[]>();
  for (const s of p.shifts) byStaff.set(s.staffName, [...(byStaff.get(s.staffName) ?? []), s]);
  for (const [name, list] of byStaff) {
    const sorted = [...list].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    sorted.forEach((a, i) =>
      sorted.slice(i + 1).forEach((b) => {
        if (!overlaps(span(a), span(b))) return;
        alerts.push({
          kind: 'rota_conflict',
          key: `overlap:${a.externalId}:${b.externalId}`,
          level: 'warning',
          title: `排班冲突：${name}同一时间排了两个班`,
          body: `${name}的两个班（${at(a.startAt)}–${at(a.endAt)} 和 ${at(b.startAt)}–${at(b.endAt)}）时间重叠，建议调整其中一个。`,
          data: { staffName: name, shifts: [a.externalId, b.externalId] },
        });
      }),
    );
  }
  for (const s of p.shifts)
    for (const l of p.leaves.filter((l) => l.staffName === s.staffName && overlaps(span(s), l)))
      alerts.push({
        kind: 'rota_conflict',
        key: `leave:${s.externalId}:${l.externalId}`,
        level: 'warning',
        title: `排班冲突：${s.staffName}请假期间有排班`,
        body: `${s.staffName}请假（${at(l.from)}–${at(l.to)}），但${at(s.startAt)}–${at(s.endAt)}的班还排着TA，建议换人顶班。`,
        data: { staffName: s.staffName, shift: s.externalId, leave: l.externalId },
      });
  // a peak hour's staff: those on a shift covering the whole hour and not on leave then
  const dates = [...new Set(p.shifts.map((s) => localTime(s.startAt, p.zone).date))].sort();
  for (const date of dates) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const usual = p.history.get(weekday);
    if (!usual) continue;
    const dayStart = startOfLocalDay(date, p.zone);
    usual.ordersByHour.forEach((avg, hour) => {
      if (avg < p.peakOrders) return;
      const hourSpan = {
        from: new Date(dayStart.getTime() + hour * HOUR_MS),
        to: new Date(dayStart.getTime() + (hour + 1) * HOUR_MS),
      };
      if (hourSpan.from < p.now) return;
      const onShift = new Set(
        p.shifts
          .filter((s) => s.startAt <= hourSpan.from && s.endAt >= hourSpan.to)
          .filter((s) => !p.leaves.some((l) => l.staffName === s.staffName && overlaps(l, hourSpan)))
          .map((s) => s.staffName),
      );
      if (onShift.size >= p.minStaff) return;
      const hh = String(hour).padStart(2, '0');
      alerts.push({
        kind: 'rota_conflict',
        key: `peak:${date}T${hh}`,
        level: 'warning',
        title: `排班提醒：${at(hourSpan.from)}高峰只排了${onShift.size}人`,
        body: `过去${usual.days}个同一天${hh}:00–${String(hour + 1).padStart(2, '0')}:00平均${Math.round(avg)}单，这个时段排班只有${onShift.size}人${onShift.size ? `（${[...onShift].join('、')}）` : ''}，少于${p.minStaff}人，建议加排人手。`,
        data: { date, hour, staff: [...onShift], usualOrders: avg },
      });
    });
  }
  return alerts;
}

/**
 * After the report time, on every scan: the rota of the next `daysAhead` days against leave and peak hours, so a
 * shift or a leave sent in the afternoon is told that afternoon. The peak hours come from the four weeks before today,
 * the same all day: they are read at the day's first scan and kept for that merchant and day, not read on every tick.
 */
export const rotaConflictDetector = (d: {
  rota: RotaReader;
  leaves: LeaveReader;
  orders: Pick<OrderRepository, 'inRange' | 'firstOrderAt'>;
}): ScanDetector => {
  const peaks = new Map<string, { day: string; history: Promise<Map<number, WeekdayDay>> }>();
  const historyOf = (merchantId: MerchantId, today: string, zone: string) => {
    const kept = peaks.get(String(merchantId));
    if (kept?.day === today) return kept.history;
    for (const [id, p] of peaks) if (p.day !== today) peaks.delete(id); // yesterday's are done with
    const window = historyWindow(today, WEEKS, zone);
    const history = Promise.all([
      d.orders.inRange(merchantId, window.start, window.end),
      d.orders.firstOrderAt(merchantId),
    ]).then(([orders, firstOrderAt]) => weekdayHistory({ orders, today, weeks: WEEKS, zone, firstOrderAt }));
    peaks.set(String(merchantId), { day: today, history });
    history.catch(() => peaks.delete(String(merchantId))); // a failed read is tried again at the next scan
    return history;
  };
  return {
    kind: 'rota_conflict',
    due: afterReportTime,
    async detect({ merchantId, kb, settings, now, today }) {
      const { daysAhead, minStaff, peakOrders } = settings.rota_conflict;
      const zone = merchantZone(kb.merchant);
      const shifts = await d.rota.overlapping(merchantId, now, new Date(now.getTime() + daysAhead * DAY_MS));
      if (!shifts.length) return [];
      const [leaves, history] = await Promise.all([
        d.leaves.notOver(merchantId, now),
        historyOf(merchantId, today, zone),
      ]);
      return rotaConflictRule({ shifts, leaves, history, minStaff, peakOrders, now, zone });
    },
  };
};
