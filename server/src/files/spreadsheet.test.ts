import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type AppError } from '../errors/app-error.js';
import { readSpreadsheet } from './spreadsheet.js';

describe('readSpreadsheet', () => {
  it('reads in two workers at most per process, and turns a third read away with a clear 429', async () => {
    const outcome = (read: Promise<unknown>) =>
      read.then(
        (rows) => rows,
        (err: AppError) => `${err.status} ${err.message}`,
      );
    const reads = [1, 2, 3].map((n) => outcome(readSpreadsheet('csv', `名称\n第${n}行`)));
    expect(await Promise.all(reads)).toEqual([
      [{ 名称: '第1行' }],
      [{ 名称: '第2行' }],
      '429 正在读取其他表格，请稍等片刻再导入',
    ]);
    expect(await readSpreadsheet('csv', '名称\n之后')).toEqual([{ 名称: '之后' }]);
  }, 60_000);

  it('keeps a short CSV row short, and says when there is nothing under the headers', async () => {
    expect(await readSpreadsheet('csv', '\uFEFF名称,价格,\n杨枝甘露\n')).toEqual([{ 名称: '杨枝甘露' }]);
    await expect(readSpreadsheet('csv', '名称,价格\n')).rejects.toMatchObject({
      status: 400,
      message: '表格里没有数据行',
    });
  }, 60_000);

  it('reads date cells of an .xlsx as the date the sheet shows, not as JavaScript date text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('预约');
    sheet.addRow(['客户', '日期', '时间']);
    // Excel keeps dates without a time zone; ExcelJS hands them over as UTC instants
    sheet.addRow(['王女士', new Date(Date.UTC(2026, 11, 1)), new Date(Date.UTC(2026, 11, 1, 9, 30))]);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    expect(await readSpreadsheet('xlsx', content)).toEqual([
      { 客户: '王女士', 日期: '2026-12-01', 时间: '2026-12-01 09:30' },
    ]);
  }, 60_000);
});
