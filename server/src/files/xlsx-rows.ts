// An .xlsx's first sheet, row by row through ExcelJS's streaming reader, over the size-checked parts of the zip
// (xlsx-parts.ts); reading stops at the first limit passed.
import ExcelJS from 'exceljs';
import { RowCollector, SHEET_LIMITS, sliced, type SheetOutcome } from './sheet-rows.js';
import { firstSheetWorkbook } from './xlsx-parts.js';

export async function xlsxRows(base64: string): Promise<SheetOutcome> {
  const limits = { entries: SHEET_LIMITS.xlsxEntries, inflatedBytes: SHEET_LIMITS.xlsxInflatedBytes };
  const workbook = await firstSheetWorkbook(Buffer.from(base64, 'base64'), limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(sliced(workbook), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const collector = new RowCollector();
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (!row.hasValues) continue;
      // Every cell under a header, by column number (1-based in ExcelJS), as the text Excel shows.
      const width = collector.width(row.cellCount);
      const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
      if (!collector.add(cells)) break;
    }
    break; // the rebuilt workbook holds the first sheet only
  }
  return collector.outcome;
}

/**
 * A cell as the owner sees it in Excel. Dates are the exception to ExcelJS's `text` (which gives JavaScript's
 * "Tue Dec 01 2026 00:00:00 GMT…"): Excel stores them without a zone and ExcelJS reads them as UTC instants, so the
 * UTC fields are the sheet's own date and time.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (!(value instanceof Date)) return String(cell.text ?? '').trim();
  const iso = value.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
