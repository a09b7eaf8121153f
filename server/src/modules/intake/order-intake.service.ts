// Orders from outside (a POS webhook, the API, a spreadsheet): each validated on its own, matched to a customer
// (WeCom external userid → phone → member number), stored by POS order number so a replay or re-import changes
// nothing twice. The report says, order by order, what could not be taken in and why.
import { orderIntakeSchema, type IntakeReport, type OrderImportReport, type OrderIntake } from '@xiaoer/common/schemas/intake';
import { AppError } from '../../errors/app-error.js';
import { issuesByPath, mapColumns, pickFields, readSpreadsheet } from '../../files/spreadsheet.js';
import { ORDER_HEADERS, rowToOrder } from './order-sheet.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';

export class OrderIntakeService {
  constructor(
    private orders: OrderRepository,
    private customers: CustomerRepository,
  ) {}

  async ingest(merchantId: MerchantId, batch: unknown[], options: { dryRun?: boolean } = {}): Promise<IntakeReport> {
    const report: IntakeReport = { received: batch.length, created: 0, updated: 0, unmatchedCustomers: 0, failed: [] };
    for (const [index, raw] of batch.entries()) {
      const parsed = orderIntakeSchema.safeParse(raw);
      if (!parsed.success) {
        const externalId = (raw as { externalId?: unknown } | null)?.externalId;
        report.failed.push({ index, ...(typeof externalId === 'string' ? { externalId } : {}), errors: issuesByPath(parsed.error.issues) });
        continue;
      }
      const outcome = await this.store(merchantId, parsed.data, options.dryRun);
      if (outcome.unmatched) report.unmatchedCustomers++;
      if (outcome.result === 'created') report.created++;
      else if (outcome.result === 'updated') report.updated++;
    }
    return report;
  }

  /** A POS or platform export (CSV or .xlsx): the report gives the column mapping and the sheet's row numbers. */
  async importSheet(merchantId: MerchantId, input: { format: 'csv' | 'xlsx'; content: string; mapping?: Record<string, string>; dryRun: boolean }): Promise<OrderImportReport> {
    const rows = await readSpreadsheet(input.format, input.content);
    const mapping = mapColumns(Object.keys(rows[0]!), ORDER_HEADERS, input.mapping);
    if (!Object.values(mapping).includes('externalId')) throw new AppError('validation_failed', { message: '表格里没有找到「订单号」列，请在导入时指定哪一列是订单号' });
    const report = await this.ingest(merchantId, rows.map((row) => rowToOrder(pickFields(row, mapping))), { dryRun: input.dryRun });
    return { ...report, mapping, dryRun: input.dryRun, failed: report.failed.map((f) => ({ row: f.index + 2, errors: f.errors })) };
  }

  private async store(merchantId: MerchantId, order: OrderIntake, dryRun = false) {
    const customerId = order.customer ? await this.customers.matchForOrder(merchantId, order.customer) : undefined;
    const unmatched = !customerId;
    if (dryRun) return { unmatched, result: (await this.orders.count(merchantId, { externalId: order.externalId })) ? ('updated' as const) : ('created' as const) };
    const result = await this.orders.upsertByExternalId(merchantId, {
      externalId: order.externalId,
      placedAt: new Date(order.placedAt),
      channel: order.channel,
      status: order.status,
      amount: order.amount,
      items: order.items,
      ...(customerId ? { customerId } : {}),
    });
    return { unmatched, result };
  }
}
