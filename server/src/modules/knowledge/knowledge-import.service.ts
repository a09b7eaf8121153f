// Bulk import of products and FAQ from the spreadsheets small shops already keep (CSV or Excel): Chinese headers
// are mapped to fields (or the caller's own mapping), every row is validated on its own, valid rows are created or
// updated (matched by name / first question), and the report says row by row what went wrong. A dry run only reports.
import { yuanToFen } from '@xiaoer/common/money';
import { faqInputSchema, productInputSchema, type KnowledgeImportReport } from '@xiaoer/common/schemas/knowledge';
import type { z } from 'zod';
import type { Session } from '../../auth/session.js';
import { issuesByPath, mapColumns, pickFields, readSpreadsheet } from '../../files/spreadsheet.js';
import type { ProductRepository } from '../catalog/product.repository.js';
import type { FaqRepository } from './faq.repository.js';
import type { KnowledgeAdminService, KnowledgeInputs } from './knowledge-admin.service.js';

type Kind = 'product' | 'faq';

const HEADERS: Record<Kind, Record<string, string>> = {
  product: {
    名称: 'name',
    商品名称: 'name',
    品名: 'name',
    菜品: 'name',
    分类: 'category',
    类别: 'category',
    价格: 'price',
    单价: 'price',
    售价: 'price',
    描述: 'description',
    介绍: 'description',
    标签: 'tags',
    过敏原: 'allergens',
    库存: 'stock',
    在售: 'available',
    上架: 'available',
    是否在售: 'available',
  },
  faq: { 问题: 'questions', 问法: 'questions', 常见问题: 'questions', 回答: 'answer', 答案: 'answer' },
};
const LIST = /[、,，/|;；\s]+/;
const YES = new Set(['是', '在售', '上架', '有', 'y', 'yes', 'true', '1']);

function toInput(kind: Kind, raw: Record<string, string>): Record<string, unknown> {
  if (kind === 'faq')
    return {
      questions: (raw.questions ?? '')
        .split(/[|｜\n]/)
        .map((q) => q.trim())
        .filter(Boolean),
      answer: raw.answer ?? '',
    };
  const num = (v?: string) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(/[¥￥元,\s]/g, '')));
  return {
    name: raw.name ?? '',
    category: raw.category ?? '',
    // a sheet says prices in yuan as people write them ("18", "¥16.5"); unreadable text stays for validation to name
    price: raw.price?.trim() ? (yuanToFen(raw.price) ?? raw.price) : undefined,
    ...(raw.description ? { description: raw.description } : {}),
    tags: raw.tags ? raw.tags.split(LIST).filter(Boolean) : [],
    allergens: raw.allergens ? raw.allergens.split(LIST).filter(Boolean) : [],
    ...(num(raw.stock) !== undefined ? { stock: num(raw.stock) } : {}),
    available:
      raw.available === undefined || raw.available.trim() === '' ? true : YES.has(raw.available.trim().toLowerCase()),
  };
}

type ImportInput = { format: 'csv' | 'xlsx'; content: string; mapping?: Record<string, string>; dryRun: boolean };

/** How rows of one kind are read and matched to what the shop already has. */
interface KindRules<K extends Kind> {
  schema: z.ZodType<KnowledgeInputs[K]>;
  /** the id of the item this row updates, if the shop has one */
  existing: (session: Session, data: KnowledgeInputs[K]) => Promise<string | null>;
}

export class KnowledgeImportService {
  private rules: { [K in Kind]: KindRules<K> };

  constructor(
    private admin: KnowledgeAdminService,
    products: ProductRepository,
    faqs: FaqRepository,
  ) {
    this.rules = {
      product: { schema: productInputSchema, existing: (s, p) => products.idByName(s.merchantId, p.name) },
      faq: { schema: faqInputSchema, existing: (s, f) => faqs.idByFirstQuestion(s.merchantId, f.questions[0]!) },
    };
  }

  async import<K extends Kind>(session: Session, kind: K, input: ImportInput): Promise<KnowledgeImportReport> {
    const rows = await readSpreadsheet(input.format, input.content);
    const mapping = mapColumns(Object.keys(rows[0]!), HEADERS[kind], input.mapping);
    const rules: KindRules<K> = this.rules[kind];
    const report: KnowledgeImportReport = {
      mapping,
      rows: rows.length,
      created: 0,
      updated: 0,
      failed: [],
      dryRun: input.dryRun,
    };
    for (const [i, row] of rows.entries()) {
      const parsed = rules.schema.safeParse(toInput(kind, pickFields(row, mapping)));
      if (!parsed.success) {
        report.failed.push({ row: i + 2, errors: issuesByPath(parsed.error.issues) });
        continue;
      }
      const existing = await rules.existing(session, parsed.data);
      if (!input.dryRun) {
        if (existing) await this.admin.update(session, kind, existing, parsed.data);
        else await this.admin.create(session, kind, parsed.data);
      }
      report[existing ? 'updated' : 'created']++;
    }
    return report;
  }
}
