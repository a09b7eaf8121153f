// A spreadsheet the owner received in a WeChat chat (chooseMessageFile), or picked from the computer in the H5 build:
// CSV as text, .xlsx as base64 — the shape the import API takes.
import Taro from '@tarojs/taro';
import { toast } from '../components/Toast';

export interface PickedSheet {
  name: string;
  format: 'csv' | 'xlsx';
  content: string;
}

export const MAX_SHEET_BYTES = 700_000; // the API takes 1 MB of JSON; base64 grows a file by a third

export function sheetFormat(name: string): 'csv' | 'xlsx' | null {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

export async function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
    const file = tempFiles[0];
    if (!file) return null;
    const format = checked(file.name, file.size);
    const content = Taro.getFileSystemManager().readFileSync(file.path, format === 'csv' ? 'utf8' : 'base64') as string;
    return { name: file.name, format, content };
  }
  const file = await browserFile();
  if (!file) return null;
  const format = checked(file.name, file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const content =
    format === 'csv'
      ? new TextDecoder().decode(bytes)
      : btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  return { name: file.name, format, content };
}

function checked(name: string, size: number): 'csv' | 'xlsx' {
  const format = sheetFormat(name);
  if (!format) throw new Error('只支持 .csv 和 .xlsx 表格，请在电脑上另存为这两种格式');
  if (size > MAX_SHEET_BYTES) throw new Error('表格太大了，请分成几份再导入（每份 2000 行以内）');
  return format;
}

/** The H5 build's file picker: a hidden input of these types (tests find it by its test id). */
export function browserFile(accept = '.csv,.xlsx', testId = 'sheet-input'): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.setAttribute('data-testid', testId);
    input.style.display = 'none';
    input.onchange = () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** A CSV template (UTF-8 with a BOM): downloaded in the browser, copied (to paste into a sheet) in the mini-program. */
export function offerTemplate(csv: string, fileName: string) {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return;
  }
  void Taro.setClipboardData({ data: csv.replace('\uFEFF', '') }).then(() =>
    toast('模板已复制，粘贴到表格里另存为 .csv 即可', 'success'),
  );
}
