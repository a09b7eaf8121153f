// Money is an integer number of fen everywhere: stored, computed, and on the wire. These are the only places it
// turns into yuan: for people to read, and from what an owner types (in yuan) into fen.

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * fen → what the owner and staff read: "¥18.50", "¥18" for whole yuan, "¥1,234.50", "-¥3.50".
 * Written out by hand rather than with Intl: the mini-program's JavaScript engine has no full Intl.
 */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.round(Math.abs(fen));
  const whole = grouped(String(Math.floor(abs / 100)));
  const cents = abs % 100;
  return `${sign}¥${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/**
 * fen → the bare amount for a sentence that says 元 itself ("大杯加3元", "16.5元"): the shortest form, as people
 * say prices aloud. The shop's knowledge and the bot's replies cite prices this way.
 */
export function yuanText(fen: number): string {
  return fenToYuan(fen).toString();
}

/** fen → yuan as a number (18.5), for chart values and for form fields the owner edits in yuan. */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/**
 * What an owner typed in yuan ("18.5", "¥18.50", "1,234元", 18.5) → fen (1850). Undefined when it is not an amount
 * of money: empty, not a number, negative, or with more than two decimals.
 */
export function yuanToFen(typed: string | number): number | undefined {
  const text = typeof typed === 'number' ? String(typed) : typed.replace(/[¥￥元,，\s]/g, '');
  if (/^\d+\.\d{3,}$/.test(text)) return floatingPointFen(Number(text));
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole, decimals = ''] = text.split('.');
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
}

/**
 * A computed amount (a spreadsheet formula's =12.8*0.9 arrives as 11.520000000000001) is a whole number of fen plus
 * floating-point noise; a typed 18.555 is a real third decimal and is refused.
 */
function floatingPointFen(yuan: number): number | undefined {
  const fen = Math.round(yuan * 100);
  return Math.abs(yuan * 100 - fen) < 1e-6 ? fen : undefined;
}
