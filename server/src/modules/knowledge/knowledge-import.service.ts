// Bulk import of products and FAQ from the spreadsheets small shops already keep (CSV or Excel): Chinese headers
// are mapped to fields (or the caller's own mapping), every row is validated on its own, valid rows are created or
// updated (matched by name / first question), and the report says row by row what went wrong. A dry run only reports.
import type { ImportReport } from '@xiaoer/common/schemas/knowledge';
import { faqInputSchema, productInputSchema } from '@xiaoer/common/schemas/knowledge';
import type { Model } from 'mongoose';
import type { z } from 'zod';
import type { Session } from '../../auth/session.js';
import { issuesByPath, mapColumns, pickFields, readSpreadsheet } from '../../files/spreadsheet.js';
import { merchantObjectId } from '../../tenancy/merchant-id.js';
import type { KnowledgeAdminService } from './knowledge-admin.service.js';

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
    price: num(raw.price),
    ...(raw.description ? { description: raw.description } : {}),
    tags: raw.tags ? raw.tags.split(LIST).filter(Boolean) : [],
    allergens: raw.allergens ? raw.allergens.split(LIST).filter(Boolean) : [],
    ...(num(raw.stock) !== undefined ? { stock: num(raw.stock) } : {}),
    available:
      raw.available === undefined || raw.available.trim() === '' ? true : YES.has(raw.available.trim().toLowerCase()),
  };
}

export class KnowledgeImportService {
  constructor(
    private admin: KnowledgeAdminService,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one handle per entity until these move behind repositories
    private models: Record<Kind, Model<any>>,
  ) {}

  async import(
    session: Session,
    kind: Kind,
    input: { format: 'csv' | 'xlsx'; content: string; mapping?: Record<string, string>; dryRun: boolean },
  ): Promise<ImportReport> {
    const rows = await readSpreadsheet(input.format, input.content);
    const mapping = mapColumns(Object.keys(rows[0]!), HEADERS[kind], input.mapping);
    const schema: z.ZodType = kind === 'product' ? productInputSchema : faqInputSchema;
    const report: ImportReport = {
      mapping,
      rows: rows.length,
      created: 0,
      updated: 0,
      failed: [],
      dryRun: input.dryRun,
    };
    for (const [i, row] of rows.entries()) {
      const parsed = schema.safeParse(toInput(kind, pickFields(row, mapping)));
      if (!parsed.success) {
        report.failed.push({ row: i + 2, errors: issuesByPath(parsed.error.issues) });
        continue;
      }
      const key =
        kind === 'product'
          ? { name: (parsed.data as { name: string }).name }
          : { 'questions.0': (parsed.data as { questions: string[] }).questions[0] };
      const existing = await this.models[kind]
        .findOne({ merchantId: merchantObjectId(session.merchantId), ...key }, { _id: 1 })
        .lean<{ _id: unknown }>()
        .exec();
      if (input.dryRun) {
        report[existing ? 'updated' : 'created']++;
        continue;
      }
      if (existing) await this.admin.update(session, kind, String(existing._id), parsed.data as never);
      else await this.admin.create(session, kind, parsed.data as never);
      report[existing ? 'updated' : 'created']++;
    }
    return report;
  }
}
