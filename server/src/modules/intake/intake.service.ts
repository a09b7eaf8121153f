// The shop's records from outside (a POS webhook, the API, a spreadsheet): each validated on its own, matched to a
// customer (WeCom external userid → phone → member number), stored by its sender's id so a replay or a re-import
// changes nothing twice. The report says, record by record, what could not be taken in and why. What an owner
// must hear about at once (a bad review, a rush of orders, stock running out) goes to the listener after the batch.
import type { ImportReport, IntakeReport } from '@xiaoer/common/schemas/intake';
import type { IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import { AppError } from '../../errors/app-error.js';
import { issuesByPath, mapColumns, pickFields, readSpreadsheet } from '../../files/spreadsheet.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Session } from '../../auth/session.js';
import type { Types } from 'mongoose';
import type { IntakeEvent, IntakeKind } from './intake-kind.js';

export type IntakeListener = (merchantId: MerchantId, events: IntakeEvent[], now: Date) => Promise<void>;

export interface SheetImport {
  format: 'csv' | 'xlsx';
  content: string;
  mapping?: Record<string, string>;
  dryRun: boolean;
}

export class IntakeService {
  constructor(
    private d: {
      kinds: Record<IntakeKindName, IntakeKind>;
      customers: CustomerRepository;
      shops: Pick<ShopRepository, 'list'>;
      staff: Pick<StaffRepository, 'findById'>;
      logger: Logger;
      onEvents?: IntakeListener;
    },
  ) {}

  async ingest(
    merchantId: MerchantId,
    kindName: IntakeKindName,
    batch: unknown[],
    options: { dryRun?: boolean; now?: Date; scope?: Types.ObjectId[]; keepLinks?: boolean } = {},
  ): Promise<IntakeReport> {
    const kind = this.d.kinds[kindName];
    const dryRun = options.dryRun ?? false;
    const report: IntakeReport = { received: batch.length, created: 0, updated: 0, unmatchedCustomers: 0, failed: [] };
    const events: IntakeEvent[] = [];
    // read once per batch, when a record first names a shop
    let shops: ReturnType<ShopRepository['list']> | undefined;
    const ctx = {
      merchantId,
      dryRun,
      scope: options.scope,
      keepLinks: options.keepLinks,
      match: (ref: Parameters<CustomerRepository['matchForOrder']>[1] | undefined) =>
        ref ? this.d.customers.matchForOrder(merchantId, ref) : Promise.resolve(undefined),
      shop: async (ref: string | undefined) => {
        if (!ref) return undefined;
        shops ??= this.d.shops.list(merchantId);
        const found = (await shops).find((s) => s._id.toHexString() === ref.toLowerCase() || s.name === ref);
        return found ? { id: found._id, name: found.name } : null;
      },
    };
    for (const [index, raw] of batch.entries()) {
      const parsed = kind.schema.safeParse(raw);
      if (!parsed.success) {
        const externalId = (raw as { externalId?: unknown } | null)?.externalId;
        report.failed.push({
          index,
          ...(typeof externalId === 'string' && externalId ? { externalId } : {}),
          errors: issuesByPath(parsed.error.issues),
        });
        continue;
      }
      const outcome = await kind.store(ctx, parsed.data);
      if (outcome.rejected) {
        const { externalId } = parsed.data;
        report.failed.push({ index, ...(externalId ? { externalId } : {}), errors: outcome.rejected });
        continue;
      }
      if (outcome.unmatched) report.unmatchedCustomers++;
      if (outcome.result === 'created') report.created++;
      else if (outcome.result === 'updated') report.updated++;
      events.push(...(outcome.events ?? []));
    }
    // The records are stored whatever the listener does; a failed alert is retried by the alert scan.
    if (!dryRun && events.length && this.d.onEvents) {
      await this.d
        .onEvents(merchantId, events, options.now ?? new Date())
        .catch((err: unknown) => this.d.logger.error({ err, kind: kindName }, 'intake listener failed'));
    }
    return report;
  }

  /**
   * The shops a signed-in reporter may write records for: a manager or staff member assigned to shops, theirs; the
   * owner, and a manager assigned to none (a one-shop merchant's 店长 runs the whole business), every shop.
   */
  async scopeOf(session: Session): Promise<Types.ObjectId[] | undefined> {
    if (session.role === 'owner') return undefined;
    const me = await this.d.staff.findById(session.merchantId, session.staffId);
    return me?.shopIds.length ? me.shopIds : undefined;
  }

  /** A POS or system export (CSV or .xlsx): the report gives the column mapping and the sheet's row numbers. */
  async importSheet(
    merchantId: MerchantId,
    kindName: IntakeKindName,
    input: SheetImport,
    scope?: Types.ObjectId[],
  ): Promise<ImportReport> {
    const { sheet } = this.d.kinds[kindName];
    const rows = await readSpreadsheet(input.format, input.content);
    const mapping = mapColumns(Object.keys(rows[0]!), sheet.headers, input.mapping);
    if (!Object.values(mapping).includes(sheet.required.field)) {
      throw new AppError('validation_failed', {
        message: `表格里没有找到「${sheet.required.name}」列，请在导入时指定哪一列是${sheet.required.name}`,
      });
    }
    const report = await this.ingest(
      merchantId,
      kindName,
      rows.map((row) => sheet.fromRow(pickFields(row, mapping))),
      { dryRun: input.dryRun, scope },
    );
    return {
      ...report,
      mapping,
      dryRun: input.dryRun,
      failed: report.failed.map((f) => ({ row: f.index + 2, errors: f.errors })),
    };
  }
}
