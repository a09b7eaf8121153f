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
});
