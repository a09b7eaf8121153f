// The tag-rules page's form: what the owner types (money in yuan, counts as text) ⇄ the rule on the wire (fen,
// numbers), checked with the server's own schema; and a rule read back as one short Chinese line.
import { formatFen, fenToYuan, yuanToFen } from '@xiaoer/common/money';
import { tagRuleInputSchema, type TagRuleDto, type TagRuleInput } from '@xiaoer/common/schemas/tag-rule';
import { checkForm, type FieldErrors } from './form-check';

export interface TagRuleForm {
  tag: string;
  enabled: boolean;
  minSpendYuan: string;
  minVisits: string;
  minIdleDays: string;
  maxIdleDays: string;
  boughtItem: string;
  keyword: string;
}

export const emptyRuleForm: TagRuleForm = {
  tag: '',
  enabled: true,
  minSpendYuan: '',
  minVisits: '',
  minIdleDays: '',
  maxIdleDays: '',
  boughtItem: '',
  keyword: '',
};

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export const ruleForm = (r: TagRuleDto): TagRuleForm => ({
  tag: r.tag,
  enabled: r.enabled,
  minSpendYuan: r.minSpendFen === undefined ? '' : String(fenToYuan(r.minSpendFen)),
  minVisits: text(r.minVisits),
  minIdleDays: text(r.minIdleDays),
  maxIdleDays: text(r.maxIdleDays),
  boughtItem: r.boughtItem ?? '',
  keyword: r.keyword ?? '',
});

/** A whole number typed, or the text itself (the schema then names the field) — empty is "no condition". */
const count = (typed: string) => (typed.trim() === '' ? undefined : /^\d+$/.test(typed.trim()) ? Number(typed) : NaN);
const word = (typed: string) => typed.trim() || undefined;

/** The form as the server takes it, or each field's message (a spend that is no amount of money named here). */
export function checkRule(form: TagRuleForm): { ok: true; value: TagRuleInput } | { ok: false; errors: FieldErrors } {
  const spend = form.minSpendYuan.trim() ? yuanToFen(form.minSpendYuan) : undefined;
  if (form.minSpendYuan.trim() && spend === undefined)
    return { ok: false, errors: { minSpendYuan: '请填写金额，例如 200' } };
  const input = {
    tag: form.tag,
    enabled: form.enabled,
    minSpendFen: spend,
    minVisits: count(form.minVisits),
    minIdleDays: count(form.minIdleDays),
    maxIdleDays: count(form.maxIdleDays),
    boughtItem: word(form.boughtItem),
    keyword: word(form.keyword),
  };
  const checked = checkForm(tagRuleInputSchema, input);
  if (checked.ok) return checked;
  const { minSpendFen, ...errors } = checked.errors;
  return { ok: false, errors: minSpendFen ? { ...errors, minSpendYuan: minSpendFen } : errors };
}

/** "近一年消费满 ¥200 · 近一年到店 3 次以上 · 买过 杨枝甘露" */
export function ruleSummary(r: TagRuleInput | TagRuleDto): string {
  const parts: string[] = [];
  if (r.minSpendFen !== undefined) parts.push(`近一年消费满 ${formatFen(r.minSpendFen)}`);
  if (r.minVisits !== undefined) parts.push(`近一年到店 ${r.minVisits} 次以上`);
  if (r.minIdleDays !== undefined && r.maxIdleDays !== undefined)
    parts.push(`${r.minIdleDays}–${r.maxIdleDays} 天没来`);
  else if (r.minIdleDays !== undefined) parts.push(`${r.minIdleDays} 天以上没来`);
  else if (r.maxIdleDays !== undefined) parts.push(`${r.maxIdleDays} 天内来过`);
  if (r.boughtItem) parts.push(`近一年买过「${r.boughtItem}」`);
  if (r.keyword) parts.push(`近 90 天在微信客服说过「${r.keyword}」`);
  return parts.join(' · ');
}
