// Bulk import of products and FAQ from the spreadsheets small shops already keep (CSV or Excel): Chinese headers
// are mapped to fields (or the caller's own mapping), every row is validated on its own, valid rows are created or
// updated (matched by name / first question), and the report says row by row what went wrong. A dry run only reports.
import type { ImportReport } from '@xiaoer/common/schemas/knowledge';
import { faqInputSchema, productInputSchema } from '@xiaoer/common/schemas/knowledge';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Model } from 'mongoose';
import type { z } from 'zod';
import type { Session } from '../../auth/session.js';
import { AppError } from '../../errors/app-error.js';
import { merchantObjectId } from '../../tenancy/merchant-id.js';
import type { KnowledgeAdminService } from './knowledge-admin.service.js';

type Kind = 'product' | 'faq';

const HEADERS: Record<Kind, Record<string, string>> = {
  product: {
    名称: 'name', 商品名称: 'name', 品名: 'name', 菜品: 'name', 分类: 'category', 类别: 'category', 价格: 'price', 单价: 'price', 售价: 'price',
    描述: 'description', 介绍: 'description', 标签: 'tags', 过敏原: 'allergens', 库存: 'stock', 在售: 'available', 上架: 'available', 是否在售: 'available',
  },
  faq: { 问题: 'questions', 问法: 'questions', 常见问题: 'questions', 回答: 'answer', 答案: 'answer' },
};
const LIST = /[、,，/|;；\s]+/;
const YES = new Set(['是', '在售', '上架', '有', 'y', 'yes', 'true', '1']);

function toInput(kind: Kind, raw: Record<string, string>): Record<string, unknown> {
  if (kind === 'faq') return { questions: (raw.questions ?? '').split(/[|｜\n]/).map((q) => q.trim()).filter(Boolean), answer: raw.answer ?? '' };
  const num = (v?: string) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(/[¥￥元,\s]/g, '')));
  return {
    name: raw.name ?? '',
    category: raw.category ?? '',
    price: num(raw.price),
    ...(raw.description ? { description: raw.description } : {}),
    tags: raw.tags ? raw.tags.split(LIST).filter(Boolean) : [],
    allergens: raw.allergens ? raw.allergens.split(LIST).filter(Boolean) : [],
    ...(num(raw.stock) !== undefined ? { stock: num(raw.stock) } : {}),
    available: raw.available === undefined || raw.available.trim() === '' ? true : YES.has(raw.available.trim().toLowerCase()),
  };
}

async function readRows(format: 'csv' | 'xlsx', content: string): Promise<Record<string, string>[]> {
  try {
    if (format === 'csv') return parseCsv(content, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.text).trim()));
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const record: Record<string, string> = {};
      headers.forEach((h, col) => h && (record[h] = String(row.getCell(col).text ?? '').trim()));
      rows.push(record);
    });
    return rows;
  } catch {
    throw new AppError('validation_failed', { message: format === 'csv' ? 'CSV 文件无法读取，请确认是逗号分隔的 UTF-8 文件' : 'Excel 文件无法读取，请另存为 .xlsx 后重试' });
  }
}

export class KnowledgeImportService {
  constructor(
    private admin: KnowledgeAdminService,
    private models: Record<Kind, Model<any>>,
  ) {}

  async import(session: Session, kind: Kind, input: { format: 'csv' | 'xlsx'; content: string; mapping?: Record<string, string>; dryRun: boolean }): Promise<ImportReport> {
    const rows = await readRows(input.format, input.content);
    if (!rows.length) throw new AppError('validation_failed', { message: '表格里没有数据行' });
    if (rows.length > 2000) throw new AppError('validation_failed', { message: '一次最多导入 2000 行，请分批导入' });
    const mapping: Record<string, string> = {};
    for (const header of Object.keys(rows[0]!)) {
      const field = input.mapping?.[header] ?? HEADERS[kind][header];
      if (field) mapping[header] = field;
    }
    const schema: z.ZodType = kind === 'product' ? productInputSchema : faqInputSchema;
    const report: ImportReport = { mapping, rows: rows.length, created: 0, updated: 0, failed: [], dryRun: input.dryRun };
    for (const [i, row] of rows.entries()) {
      const raw: Record<string, string> = {};
      for (const [header, field] of Object.entries(mapping)) if (row[header] !== undefined) raw[field] = row[header]!;
      const parsed = schema.safeParse(toInput(kind, raw));
      if (!parsed.success) {
        report.failed.push({ row: i + 2, errors: Object.fromEntries(parsed.error.issues.map((e) => [e.path.join('.') || '_', e.message])) });
        continue;
      }
      const key = kind === 'product' ? { name: (parsed.data as { name: string }).name } : { 'questions.0': (parsed.data as { questions: string[] }).questions[0] };
      const existing = await this.models[kind].findOne({ merchantId: merchantObjectId(session.merchantId), ...key }, { _id: 1 }).lean<{ _id: unknown }>().exec();
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
