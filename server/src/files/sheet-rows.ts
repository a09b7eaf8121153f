// Reading a spreadsheet's rows under limits, streamed, stopping as soon as a limit is passed: CSV here through
// csv-parse's stream, .xlsx in xlsx-rows.ts. Runs in a worker thread (sheet-rows.worker.ts), which sends back the
// rows or the problem as plain data.
import { Readable } from 'node:stream';
import { parse as csvParser } from 'csv-parse';

export const SHEET_LIMITS = {
  /** data rows, after the header row */
  rows: 2000,
  columns: 200,
  xlsxEntries: 1000,
  /** declared, and actually inflated, bytes of an .xlsx: a shop's 2,000-row export is a few MB */
  xlsxInflatedBytes: 32 * 1024 * 1024,
} as const;

export interface SheetInput {
  format: 'csv' | 'xlsx';
  /** the CSV text, or the .xlsx file in base64 */
  content: string;
}

export type SheetProblem = 'too_many_rows' | 'too_many_columns' | 'too_large' | 'unreadable';
export type SheetOutcome = { rows: Record<string, string>[] } | { problem: SheetProblem };

/** A file refused for a reason the merchant can act on; anything else thrown while reading is `unreadable`. */
export class SheetRefused extends Error {
  constructor(readonly reason: SheetProblem) {
    super(reason);
  }
}

export const problemOf = (err: unknown): SheetOutcome => ({
  problem: err instanceof SheetRefused ? err.reason : 'unreadable',
});

/** Collects records (header → cell text) from cell lists until a limit is passed; the first list is the header. */
export class RowCollector {
  private headers?: string[];
  private readonly rows: Record<string, string>[] = [];
  private problem?: SheetProblem;

  /** How many cells of a row to read: the header's width, or just past the column limit for the header itself. */
  width(cellCount: number): number {
    return this.headers ? this.headers.length : Math.min(cellCount, SHEET_LIMITS.columns + 1);
  }

  /**
   * false once the sheet is past a limit: the caller stops reading. A cell missing from a short CSV row stays
   * missing (no key), as csv-parse's own records had it.
   */
  add(cells: (string | undefined)[]): boolean {
    if (!this.headers) {
      const headers = cells.map((cell) => cell ?? '');
      while (headers.length && !headers.at(-1)) headers.pop();
      this.headers = headers;
      if (headers.length > SHEET_LIMITS.columns) this.problem = 'too_many_columns';
      return !this.problem;
    }
    if (this.rows.length === SHEET_LIMITS.rows) {
      this.problem = 'too_many_rows';
      return false;
    }
    const record: Record<string, string> = {};
    this.headers.forEach((header, i) => header && cells[i] !== undefined && (record[header] = cells[i]));
    this.rows.push(record);
    return true;
  }

  get outcome(): SheetOutcome {
    return this.problem ? { problem: this.problem } : { rows: this.rows };
  }
}

/**
 * The bytes as a stream of small slices: the parsers work a chunk at a time (ExcelJS's sheet reader collects every
 * event of a chunk before giving the first row), so this is what lets reading stop soon after the last row taken.
 */
export const sliced = (bytes: Buffer, size = 16 * 1024): Readable =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );

export async function csvRows(content: string): Promise<SheetOutcome> {
  const collector = new RowCollector();
  const options = { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true };
  const parser = sliced(Buffer.from(content)).pipe(csvParser(options));
  try {
    for await (const cells of parser as AsyncIterable<string[]>) if (!collector.add(cells)) break;
  } finally {
    parser.destroy();
  }
  return collector.outcome;
}
