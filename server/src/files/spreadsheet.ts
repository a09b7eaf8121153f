// The spreadsheets small shops already keep: CSV (UTF-8, with or without BOM) or .xlsx (base64), first row headers.
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.js';

export const MAX_IMPORT_ROWS = 2000;

/** Rows as header → cell text; a file we cannot read, or one too long, is a clear 400. */
export async function readSpreadsheet(format: 'csv' | 'xlsx', content: string): Promise<Record<string, string>[]> {
  const rows = await readRows(format, content);
  if (!rows.length) throw new AppError('validation_failed', { message: '表格里没有数据行' });
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('validation_failed', { message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` });
  return rows;
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

/** Which field each header feeds: the caller's mapping first, then the usual Chinese headers. */
export function mapColumns(headers: string[], known: Record<string, string>, custom?: Record<string, string>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const field = custom?.[header] ?? known[header];
    if (field) mapping[header] = field;
  }
  return mapping;
}

/** One row's cells by field name. */
export function pickFields(row: Record<string, string>, mapping: Record<string, string>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [header, field] of Object.entries(mapping)) if (row[header] !== undefined) raw[field] = row[header]!;
  return raw;
}

/** zod issues as path → message, the per-row error shape of every import report. */
export const issuesByPath = (issues: { path: PropertyKey[]; message: string }[]) => Object.fromEntries(issues.map((e) => [e.path.map(String).join('.') || '_', e.message]));
