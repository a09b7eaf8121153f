// The business step's customer-facing facts as a form: one text per topic (empty: not said) and any number of named
// others; turned into the list the server takes, and the server schema's errors (facts.3.text) back onto the field
// the owner typed in (payment, other.0.label …).
import { SHOP_FACT_TOPICS, type ShopFactTopic } from '@xiaoer/common/constants/shop-facts';
import { shopFactsUpdateSchema, type ShopFact } from '@xiaoer/common/schemas/merchant';
import { checkForm, type FieldErrors } from './form-check';

export type NamedTopic = Exclude<ShopFactTopic, 'other'>;
export const NAMED_TOPICS = SHOP_FACT_TOPICS.filter((t): t is NamedTopic => t !== 'other');

export interface FactsForm {
  topics: Partial<Record<NamedTopic, string>>;
  others: { label: string; text: string }[];
}

export function factsForm(facts: ShopFact[]): FactsForm {
  const topics: FactsForm['topics'] = {};
  const others: FactsForm['others'] = [];
  for (const f of facts) {
    if (f.topic === 'other') others.push({ label: f.label ?? '', text: f.text });
    else topics[f.topic] = f.text;
  }
  return { topics, others };
}

/** Each fact with the form field it came from. */
function entries(form: FactsForm): { fact: Record<string, string>; field: string }[] {
  const named = NAMED_TOPICS.filter((t) => form.topics[t]?.trim()).map((topic) => ({
    fact: { topic, text: form.topics[topic]! },
    field: topic,
  }));
  const others = form.others
    .map((o, i) => ({ fact: { topic: 'other', label: o.label, text: o.text }, field: `other.${i}` }))
    .filter(({ fact }) => fact.label.trim() || fact.text.trim());
  return [...named, ...others];
}

/** The facts as the server takes them, or each field's message (keys: a topic, or other.<i>.label / .text). */
export function checkFacts(form: FactsForm): { ok: true; facts: ShopFact[] } | { ok: false; errors: FieldErrors } {
  const list = entries(form);
  const checked = checkForm(shopFactsUpdateSchema, { facts: list.map((e) => e.fact) });
  if (checked.ok) return { ok: true, facts: checked.value.facts };
  return { ok: false, errors: fieldErrors(form, checked.errors) };
}

/** The server's or the schema's `facts.<i>.<part>` errors on the form's fields. */
export function fieldErrors(form: FactsForm, errors: FieldErrors): FieldErrors {
  const list = entries(form);
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^facts\.(\d+)\.(\w+)$/.exec(path);
    const entry = m && list[Number(m[1])];
    if (!entry) out._ ??= message;
    else if (entry.field.startsWith('other.'))
      out[`${entry.field}.${m![2] === 'label' ? 'label' : 'text'}`] ??= message;
    else out[entry.field] ??= message;
  }
  return out;
}
