// The spreadsheets small shops already keep: CSV (UTF-8, with or without BOM) or .xlsx (base64), first row headers.
// Read in a worker thread under a heap and time bound (sheet-rows.ts): a zip bomb or a huge CSV costs that worker,
// never the event loop that answers /readyz, merchants and WeCom callbacks.
import { AppError } from '../errors/app-error.js';
import { BoundedWorkerPool, WorkerLimitError } from '../process/bounded-worker.js';
import { SHEET_LIMITS, type SheetInput, type SheetOutcome, type SheetProblem } from './sheet-rows.js';

// Two readers at once per process, each with up to 256 MB of heap besides the inflated parts (at most 32 MB); a
// 2,000-row sheet takes well under a second once the worker has loaded ExcelJS.
const readers = new BoundedWorkerPool<SheetInput, SheetOutcome>(new URL('./sheet-rows.worker.ts', import.meta.url), {
  size: 2,
  timeoutMs: 10_000,
  startupTimeoutMs: 60_000,
  maxOldGenerationSizeMb: 256,
  idleMs: 5 * 60_000,
});

const refusals: Record<SheetProblem, (format: SheetInput['format']) => AppError> = {
  too_many_rows: () =>
    new AppError('validation_failed', { message: `一次最多导入 ${SHEET_LIMITS.rows} 行，请分批导入` }),
  too_many_columns: () =>
    new AppError('validation_failed', { message: `表格最多 ${SHEET_LIMITS.columns} 列，请删掉多余的列后重试` }),
  too_large: () =>
    new AppError('payload_too_large', { message: 'Excel 文件解压后太大，请删掉多余的行和工作表，或分批导入' }),
  unreadable: (format) =>
    new AppError('validation_failed', {
      message:
        format === 'csv'
          ? 'CSV 文件无法读取，请确认是逗号分隔的 UTF-8 文件'
          : 'Excel 文件无法读取，请另存为 .xlsx 后重试',
    }),
};

/** Rows as header → cell text; a file we cannot read, or one too big or too long, is a clear 4xx. */
export async function readSpreadsheet(format: 'csv' | 'xlsx', content: string): Promise<Record<string, string>[]> {
  const reading = readers.tryRun({ format, content });
  if (!reading) throw new AppError('rate_limited', { message: '正在读取其他表格，请稍等片刻再导入' });
  const outcome = await reading.catch((err: unknown) => {
    if (!(err instanceof WorkerLimitError)) throw err;
    if (err.reason === 'failed') throw new AppError('service_unavailable', { cause: err, reportable: true });
    throw new AppError('payload_too_large', {
      message: '表格太大或太复杂，没能读完，请删掉多余的内容或分批导入',
      cause: err,
    });
  });
  if ('problem' in outcome) throw refusals[outcome.problem](format);
  if (!outcome.rows.length) throw new AppError('validation_failed', { message: '表格里没有数据行' });
  return outcome.rows;
}

/** Which field each header feeds: the caller's mapping first, then the usual Chinese headers. */
export function mapColumns(
  headers: string[],
  known: Record<string, string>,
  custom?: Record<string, string>,
): Record<string, string> {
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
export const issuesByPath = (issues: { path: PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((e) => [e.path.map(String).join('.') || '_', e.message]));
