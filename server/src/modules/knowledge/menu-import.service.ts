// The menu / catalogue from a spreadsheet (one row per variant: catalog/menu-sheet.ts): each product is validated
// with the same schema as the editor's, each error reported at its sheet row, and each product written whole or not
// at all (a product with a wrong row is left as it was). A product already on the menu (same name) is updated; what
// the sheet has no column for (add-on specs, aliases, attributes …) stays as the shop has it. A dry run only reports.
import { productInputSchema, type KnowledgeImportReport, type ProductInput } from '@xiaoer/common/schemas/knowledge';
import type { Session } from '../../auth/session.js';
import { readSpreadsheet } from '../../files/spreadsheet.js';
import { menuColumns, readMenuSheet, rowOfIssue, type SheetProduct } from '../catalog/menu-sheet.js';
import type { ProductRepository, StoredProduct } from '../catalog/product.repository.js';
import type { KnowledgeAdminService } from './knowledge-admin.service.js';

type ImportInput = { format: 'csv' | 'xlsx'; content: string; mapping?: Record<string, string>; dryRun: boolean };
type Failed = KnowledgeImportReport['failed'];

/** The fields a re-imported product keeps when the sheet does not say them. */
const kept = (p: StoredProduct): Partial<ProductInput> => ({
  category: p.category,
  ...(p.description ? { description: p.description } : {}),
  specs: p.specs.map((g) => ({ name: g.name, options: g.options.map((o) => ({ ...o })) })),
  aliases: p.aliases,
  attributes: p.attributes,
  tags: p.tags,
  allergens: p.allergens,
  available: p.available,
  ...(typeof p.stock === 'number' && !p.variants.length ? { stock: p.stock } : {}),
});

/** One product's errors as sheet rows: its own rows' errors, and every other row of it marked as not imported. */
function rowsNotImported(product: SheetProduct, errors: Failed): Failed {
  const wrong = new Set(errors.map((e) => e.row));
  const first = [...wrong].sort((a, b) => a - b)[0];
  const others = product.rows
    .filter((row) => !wrong.has(row))
    .map((row) => ({ row, errors: { _: `「${product.name}」第 ${first} 行有错，这个商品整个没有导入` } }));
  return [...errors, ...others];
}

export class MenuImportService {
  constructor(
    private admin: KnowledgeAdminService,
    private products: Pick<ProductRepository, 'findByNames'>,
  ) {}

  async import(session: Session, input: ImportInput): Promise<KnowledgeImportReport> {
    const cells = await readSpreadsheet(input.format, input.content);
    const mapping = menuColumns(Object.keys(cells[0]!), input.mapping);
    const { products, unnamed } = readMenuSheet(cells, mapping);
    const existing = new Map(
      (await this.products.findByNames(session.merchantId, [...new Set(products.map((p) => p.name))])).map((p) => [
        p.name,
        p,
      ]),
    );
    const report: KnowledgeImportReport = {
      mapping,
      rows: cells.length,
      created: 0,
      updated: 0,
      failed: [...unnamed],
      items: [],
      dryRun: input.dryRun,
    };
    for (const product of products) {
      const before = existing.get(product.name);
      const parsed = productInputSchema.safeParse({ ...(before ? kept(before) : {}), ...product.input });
      const errors: Failed = [...product.errors];
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const { row, field } = rowOfIssue(product, issue.path);
          const entry = errors.find((e) => e.row === row) ?? errors[errors.push({ row, errors: {} }) - 1]!;
          entry.errors[field] ??= issue.message;
        }
      if (errors.length || !parsed.success) {
        report.failed.push(...rowsNotImported(product, errors));
        report.items!.push({ name: product.name, rows: product.rows, result: 'failed' });
        continue;
      }
      if (!input.dryRun) {
        if (before) await this.admin.update(session, 'product', before._id.toHexString(), parsed.data);
        else await this.admin.create(session, 'product', parsed.data);
      }
      report[before ? 'updated' : 'created']++;
      report.items!.push({ name: product.name, rows: product.rows, result: before ? 'updated' : 'created' });
    }
    report.failed.sort((a, b) => a.row - b.row);
    return report;
  }
}
