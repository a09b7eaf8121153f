import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { isOpen, merchantZone } from '../../clock/business-hours.js';
import type { IntakeEvent } from '../../intake/intake-kind.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.service.js';
import { whenLabel } from '../../outreach/tutoring-scenarios.js';
import { DAY_MS, MINUTE_MS, type IntakeDetector, type NewAlert } from './detector.js';

export interface RedemptionRow {
  externalId: string;
  platform: string;
  voucherCode: string;
  deal?: string;
  staffName?: string;
  at: Date;
}

export interface RedemptionReader {
  ofVouchers(merchantId: MerchantId, codes: string[]): Promise<RedemptionRow[]>;
  countByStaff(merchantId: MerchantId, staffName: string, from: Date, to: Date): Promise<number>;
}

type RedemptionEvent = Extract<IntakeEvent, { type: 'redemption' }>;

/** A voucher redeemed more than once: every use, with when and by whom. */
export function duplicateVoucherRule(uses: RedemptionRow[], now: Date, zone: string): NewAlert[] {
  const byCode = new Map<string, RedemptionRow[]>();
  for (const u of uses) byCode.set(u.voucherCode, [...(byCode.get(u.voucherCode) ?? []), u]);
  return [...byCode]
    .filter(([, list]) => list.length > 1)
    .map(([code, list]) => {
      const first = list[0]!;
      const what = [first.deal, first.platform].filter(Boolean).join('，');
      const times = list.map((u) => `${whenLabel(u.at, now, zone)}${u.staffName ? ` ${u.staffName}` : ''}`).join('；');
      return {
        kind: 'redemption_anomaly' as const,
        key: `voucher:${code}`,
        level: 'urgent' as const,
        title: `团购核销异常：券码${code}被核销了${list.length}次`,
        body: `券码${code}（${what}）被核销了${list.length}次：${times}。同一张券只能用一次，建议核对是否重复核销，并联系平台处理。`,
        data: { voucherCode: code, redemptions: list.map((u) => u.externalId) },
      };
    });
}

/** One person redeeming `count` or more vouchers within `minutes`: told once a day per person. */
export function redemptionBurstRule(p: {
  staffName: string;
  redeemed: number;
  count: number;
  minutes: number;
  last: Date;
  now: Date;
  today: string;
  zone: string;
}): NewAlert[] {
  if (p.redeemed < p.count) return [];
  return [
    {
      kind: 'redemption_anomaly',
      key: `burst:${p.staffName}:${p.today}`,
      level: 'warning',
      title: `团购核销异常：${p.staffName}${p.minutes}分钟内核销了${p.redeemed}张`,
      body: `${p.staffName}在${p.minutes}分钟内核销了${p.redeemed}张团购券（最后一张${whenLabel(p.last, p.now, p.zone)}）。建议核对是否都有顾客到店消费。`,
      data: { staffName: p.staffName, redeemed: p.redeemed, minutes: p.minutes },
    },
  ];
}

/** Redemptions while the shop is closed (by its opening hours and holidays); a shop with no hours set is not judged. */
export function closedHoursRule(events: RedemptionEvent[], merchant: KnowledgeBase['merchant'], now: Date): NewAlert[] {
  if (!merchant.businessHours.length) return [];
  const zone = merchantZone(merchant);
  return events
    .filter((e) => !isOpen(merchant, e.at))
    .map((e) => ({
      kind: 'redemption_anomaly' as const,
      key: `closed:${e.externalId}`,
      level: 'warning' as const,
      title: `团购核销异常：券码${e.voucherCode}在非营业时间核销`,
      body: `券码${e.voucherCode}在${whenLabel(e.at, now, zone)}核销${e.staffName ? `（${e.staffName}）` : ''}，这时门店不在营业时间。建议核对这笔核销。`,
      data: { voucherCode: e.voucherCode, redemption: e.externalId },
    }));
}

/** As 美团 / 抖音 push redemptions: a voucher used twice, a burst by one person, a redemption while closed. */
export const redemptionAnomalyDetector = (d: { redemptions: RedemptionReader }): IntakeDetector => ({
  kind: 'redemption_anomaly',
  async detect({ merchantId, kb, settings, now, today }, events) {
    // a late import of last month's redemptions is history, not news
    const fresh = events.filter(
      (e): e is RedemptionEvent => e.type === 'redemption' && e.created && now.getTime() - e.at.getTime() < DAY_MS,
    );
    if (!fresh.length) return [];
    const zone = merchantZone(kb.merchant);
    const { count, minutes } = settings.redemption_anomaly;
    const uses = await d.redemptions.ofVouchers(merchantId, [...new Set(fresh.map((e) => e.voucherCode))]);
    const lastByStaff = new Map<string, Date>();
    for (const e of fresh)
      if (e.staffName && (lastByStaff.get(e.staffName)?.getTime() ?? 0) < e.at.getTime())
        lastByStaff.set(e.staffName, e.at);
    const bursts = await Promise.all(
      [...lastByStaff].map(async ([staffName, last]) => {
        const redeemed = await d.redemptions.countByStaff(
          merchantId,
          staffName,
          new Date(last.getTime() - minutes * MINUTE_MS),
          last,
        );
        return redemptionBurstRule({ staffName, redeemed, count, minutes, last, now, today, zone });
      }),
    );
    return [...duplicateVoucherRule(uses, now, zone), ...bursts.flat(), ...closedHoursRule(fresh, kb.merchant, now)];
  },
});
