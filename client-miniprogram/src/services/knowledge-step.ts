// The knowledge step's pure parts: a text split into what is written and the blanks the owner still has to fill (for
// highlighting), what each kind of item still waits for, and the menu item the owner types in.
import { BLANK_PATTERN, hasBlank } from '@xiaoer/common/schemas/knowledge-template';
import { productInputSchema } from '@xiaoer/common/schemas/knowledge';
import { yuanToFen } from '@xiaoer/common/money';
import { checkForm, type Checked } from './form-check';

export type Segment = { text: string; blank: boolean };

/** "退款：【请填写：时限】。" → written, blank, written; a blank shows its label for the owner. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(BLANK_PATTERN)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index), blank: false });
    out.push({ text: m[0], blank: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), blank: false });
  return out;
}

/** How many of the items still have a blank. */
export const waiting = (texts: string[][]) => texts.filter((t) => hasBlank(...t)).length;

/** The page that imports the menu from a spreadsheet. */
export const MENU_IMPORT_PAGE = '/pages/setup/menu-import/index';

/** A menu item as typed (the price in yuan, as people write it), checked with the server's schema. */
export function menuItem(form: { name: string; category: string; price: string }): Checked<typeof productInputSchema> {
  const price = form.price.trim() === '' ? undefined : (yuanToFen(form.price.trim()) ?? Number.NaN);
  const checked = checkForm(productInputSchema, { name: form.name, category: form.category, price });
  if (!checked.ok && Number.isNaN(price)) checked.errors.price = '价格请填数字，如 18 或 18.5';
  return checked;
}
