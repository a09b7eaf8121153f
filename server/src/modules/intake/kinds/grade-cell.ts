// A school grade as sheets write it (三年级, 初一, 高二, 幼儿园, 5) → 0 学前, 1–6 小学, 7–9 初中, 10–12 高中.
import { numberCell } from '../sheet-cells.js';

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Unreadable text is returned as it is, for validation to name. */
export function gradeCell(cell: string | undefined): number | string | undefined {
  const text = cell?.trim();
  if (!text) return undefined;
  if (/幼儿园|学前|大班|中班|小班/.test(text)) return 0;
  const m = /^(小学|初中|高中|初|高)?([一二三四五六1-6])(年级)?$/.exec(text);
  if (!m) return numberCell(text);
  const n = DIGITS[m[2]!] ?? Number(m[2]);
  if (m[1]?.startsWith('初')) return n <= 3 ? 6 + n : text;
  if (m[1]?.startsWith('高')) return n <= 3 ? 9 + n : text;
  return n;
}

/** 0 → 学前, 3 → 三年级, 7 → 初一, 12 → 高三: as parents say it. */
export function gradeName(grade: number): string {
  const cn = ['', '一', '二', '三', '四', '五', '六'];
  if (grade <= 0) return '学前';
  if (grade <= 6) return `${cn[grade]}年级`;
  if (grade <= 9) return `初${cn[grade - 6]}`;
  return `高${cn[grade - 9]}`;
}
