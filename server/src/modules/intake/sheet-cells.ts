// Spreadsheet cells as shops write them, turned into the intake shape (yuan → fen, "杨枝甘露x2、芋泥波波" → items,
// local times → ISO in the shop's zone, 已完成 → completed). Anything that cannot be turned is passed on as it is,
// so validation names the cell.
import { yuanToFen } from '@xiaoer/common/money';

const LOCAL_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');

/** "2026/11/20 12:30" (the shop's local time) → "2026-11-20T12:30:00+08:00"; ISO passes through. */
export function localTimeToIso(cell: string, offset = '+08:00'): string {
  const m = LOCAL_TIME.exec(cell.trim());
  if (!m) return cell.trim();
  return `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${pad(m[5])}:${pad(m[6])}${offset}`;
}

/**
 * "¥18.50" → 1850, read as common/money reads what people write in yuan; anything else (not an amount, negative,
 * fractions of a fen) → the text itself, so validation names the cell.
 */
export const yuanCell = (cell: string): number | string => yuanToFen(cell) ?? cell;

/** "杨枝甘露x2、芋泥波波×1、珍珠奶茶" → items (unit prices are not in such exports: 0). */
export function parseItems(cell: string): { name: string; quantity: number; unitPrice: number }[] {
  return cell
    .split(/[、,，;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.+?)\s*[x×X*]\s*(\d+)$/.exec(part);
      return { name: (m?.[1] ?? part).trim(), quantity: m ? Number(m[2]) : 1, unitPrice: 0 };
    });
}

/** The first value in the table whose pattern the cell matches; an empty cell is the fallback, an unknown one itself. */
export const pickFrom = (table: [RegExp, string][], cell: string | undefined, fallback?: string) => {
  const text = cell?.trim() ?? '';
  if (!text) return fallback;
  return table.find(([re]) => re.test(text))?.[1] ?? text;
};

/** "12.5" → 12.5; empty → undefined (optional field); unreadable → the text (validation names it). */
export function numberCell(cell: string | undefined): number | string | undefined {
  const text = cell?.trim();
  if (!text) return undefined;
  const n = Number(text.replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? n : text;
}

/** "2026/11/20" → "2026-11-20"; empty → undefined. */
export function dateCell(cell: string | undefined): string | undefined {
  const text = cell?.trim();
  return text ? localTimeToIso(text).slice(0, 10) : undefined;
}

/** The usual headers naming the customer on every kind of sheet. */
export const CUSTOMER_HEADERS: Record<string, string> = {
  手机: 'phone',
  手机号: 'phone',
  电话: 'phone',
  会员手机号: 'phone',
  家长手机号: 'phone',
  联系电话: 'phone',
  会员号: 'memberNo',
  会员编号: 'memberNo',
  客户ID: 'externalUserId',
  外部联系人ID: 'externalUserId',
};

/** The customer keys a row has, or nothing. */
export function customerFromRow(raw: Record<string, string>): { customer?: Record<string, string> } {
  const customer = Object.fromEntries(
    (['externalUserId', 'phone', 'memberNo'] as const).flatMap((k) => (raw[k]?.trim() ? [[k, raw[k]!.trim()]] : [])),
  );
  return Object.keys(customer).length ? { customer } : {};
}

/** Only the fields that have a value (an empty optional cell must not fail validation). */
export const defined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
