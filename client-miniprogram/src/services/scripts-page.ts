// The scripts page (话术库) as pure functions: the library by category, the live preview filled as the customer would
// receive it, and the attachment form turned into what the script stores.
import { fillScript, SCRIPT_VARIABLES, type ScriptInput } from '@xiaoer/common/schemas/knowledge';
import type { ScriptDto } from '@xiaoer/common/schemas/knowledge-item';

/** Who the preview pretends to send to. */
export const SAMPLE_CUSTOMER = '王女士';
const SAMPLE_RECOMMENDED = '招牌款';

export const ALL = '全部';

/** The tabs: 全部, then each category in the library (most scripts first, then by name). */
export function categoriesOf(scripts: Pick<ScriptDto, 'category'>[]): string[] {
  const counts = new Map<string, number>();
  for (const s of scripts) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  const names = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'zh-CN'));
  return [ALL, ...names];
}

/** The scripts of a tab, the most used first. */
export const scriptsIn = (scripts: ScriptDto[], category: string) =>
  scripts.filter((s) => category === ALL || s.category === category).sort((a, b) => b.usageCount - a.usageCount);

/** The text as the sample customer would receive it from this shop. */
export const previewText = (content: string, shopName: string) =>
  fillScript(content, { customer: SAMPLE_CUSTOMER, shop: shopName || '本店', recommended: SAMPLE_RECOMMENDED });

/** Variables the script uses that staff cannot fill (a typo such as {客户名}): shown before saving. */
export function unknownVariables(content: string): string[] {
  const known = new Set<string>(SCRIPT_VARIABLES.map((v) => v.token));
  return [...new Set(content.match(/\{[^{}\s]{1,10}\}/g) ?? [])].filter((v) => !known.has(v));
}

export type AttachmentKind = 'none' | 'image' | 'link' | 'miniprogram';
export const ATTACHMENT_KINDS: { kind: AttachmentKind; name: string }[] = [
  { kind: 'none', name: '不带附件' },
  { kind: 'image', name: '图片' },
  { kind: 'link', name: '链接' },
  { kind: 'miniprogram', name: '小程序卡片' },
];

/** The attachment form's fields, whichever kind is picked (kept while the owner switches kinds). */
export interface AttachmentFields {
  kind: AttachmentKind;
  url: string;
  title: string;
  appid: string;
  page: string;
}

export const attachmentFields = (a: ScriptDto['attachment']): AttachmentFields => ({
  kind: a?.kind ?? 'none',
  url: a?.url ?? '',
  title: a?.title ?? '',
  appid: a?.appid ?? '',
  page: a?.page ?? '',
});

/** What the script stores for the form: only the picked kind's fields, trimmed (the schema checks them). */
export function attachmentOf(f: AttachmentFields): ScriptInput['attachment'] {
  const t = (s: string) => s.trim();
  if (f.kind === 'image') return { kind: 'image', url: t(f.url) };
  if (f.kind === 'link') return { kind: 'link', title: t(f.title), url: t(f.url) };
  if (f.kind === 'miniprogram') return { kind: 'miniprogram', title: t(f.title), appid: t(f.appid), page: t(f.page) };
  return undefined;
}
