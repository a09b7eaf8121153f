import type { Compared, ReportDto } from '@xiaoer/common/schemas/report';

type Named = { id: string; name: string };
const named = (s: Named): Named => ({ id: s.id, name: s.name });
const compared = (c: Compared): Compared => ({
  value: c.value,
  previous: c.previous,
  ...(c.changePct !== undefined ? { changePct: c.changePct } : {}),
});

/** A period's report for the console, with the shops this reader may pick from (report-scope.ts). */
export const presentReport = (r: ReportDto, scope: { shops: Named[]; everyShop: boolean }): ReportDto => {
  const f = r.figures;
  return {
    period: r.period,
    from: r.from,
    to: r.to,
    figures: {
      newCustomers: compared(f.newCustomers),
      consultations: compared(f.consultations),
      aiHandledPct: compared(f.aiHandledPct),
      handoffs: compared(f.handoffs),
      orders: compared(f.orders),
      revenue: compared(f.revenue),
      averageOrderValue: compared(f.averageOrderValue),
      returningPct: compared(f.returningPct),
      firstResponseSeconds: compared(f.firstResponseSeconds),
      dormantCustomers: f.dormantCustomers,
    },
    alerts: { lowStock: r.alerts.lowStock, expiringStock: r.alerts.expiringStock, badReviews: r.alerts.badReviews },
    topItems: r.topItems.map((i) => ({ name: i.name, quantity: i.quantity, revenue: i.revenue })),
    slowItems: r.slowItems.map((i) => ({ name: i.name, quantity: i.quantity })),
    campaigns: {
      sent: r.campaigns.sent,
      repliedWithin7Days: r.campaigns.repliedWithin7Days,
      boughtWithin7Days: r.campaigns.boughtWithin7Days,
    },
    daily: r.daily.map((d) => ({ date: d.date, revenue: d.revenue, orders: d.orders })),
    ...(r.forecast
      ? {
          forecast: {
            weeks: r.forecast.weeks,
            days: r.forecast.days.map((d) => ({ date: d.date, revenue: d.revenue })),
            total: r.forecast.total,
          },
        }
      : {}),
    ...(r.staff
      ? { staff: r.staff.map((s) => ({ name: s.name, orders: s.orders, services: s.services, revenue: s.revenue })) }
      : {}),
    ...(r.shop ? { shop: named(r.shop) } : {}),
    shops: scope.shops.map(named),
    everyShop: scope.everyShop,
    summary: r.summary,
    actions: [...r.actions],
  };
};
