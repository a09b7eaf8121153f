// The change history as the console reads it: which item, what was done to it and which of its fields changed, and
// which changes can still be undone (each item's latest; the list comes newest first).
import type { KnowledgeChangeDto, KnowledgeEntity, ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { stockText, variantLabel } from './catalog';

export const ENTITY_NAMES: Record<KnowledgeEntity, string> = {
  faq: '问答',
  policy: '规定',
  product: '商品',
  script: '话术',
};
const ACTION_NAMES = { create: '新增', update: '修改', delete: '删除' } as const;

/** What each field is called on the pages. */
const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  category: '分类',
  price: '价格',
  stock: '库存',
  available: '在售',
  variants: '规格',
  attributes: '属性',
  aliases: '别名',
  tags: '标签',
  description: '介绍',
  specs: '加料选项',
  allergens: '过敏原',
  questions: '问法',
  answer: '回答',
  kind: '类型',
  title: '标题',
  content: '内容',
  attachment: '附件',
};

/** The item's name as the pages show it: a product's or script's name or title, an FAQ's first question. */
export function itemTitle(c: KnowledgeChangeDto): string {
  const item = (c.after ?? c.before) as Record<string, unknown> | undefined;
  if (!item) return '';
  if (Array.isArray(item.questions)) return String(item.questions[0] ?? '');
  return String(item.name ?? item.title ?? '');
}

/** "修改商品" / "撤销：删除问答" */
export const actionText = (c: KnowledgeChangeDto) =>
  `${c.undoOf ? '撤销 · ' : ''}${ACTION_NAMES[c.action]}${ENTITY_NAMES[c.entity]}`;

/**
 * What a catalogue tap changed in one variant ("大杯 售罄", "中杯 库存 20 → 5"), when that is all that changed: the
 * variant's options and the product's other fields the same.
 */
function variantChange(before: ProductDto, after: ProductDto): string | null {
  const rest = (p: ProductDto) => JSON.stringify({ ...p, variants: p.variants.map((v) => v.options), stock: 0 });
  if (before.variants.length !== after.variants.length || rest(before) !== rest(after)) return null;
  const said = after.variants.flatMap((v, i) => {
    const was = before.variants[i]!;
    const parts = [
      ...(was.available !== v.available ? [v.available ? '恢复供应' : '售罄'] : []),
      ...(was.stock !== v.stock ? [`${stockText(was)} → ${stockText(v).replace('库存 ', '')}`] : []),
    ];
    return parts.length ? [`${variantLabel(v)} ${parts.join('，')}`] : [];
  });
  return said.length ? said.join('；') : null;
}

/** An update's changed fields ("价格、在售"); a product sold out or back on sale, or one variant, says so. */
export function changedText(c: KnowledgeChangeDto): string {
  if (c.action !== 'update' || !c.before || !c.after) return '';
  const before = c.before as Record<string, unknown>;
  const after = c.after as Record<string, unknown>;
  if (c.entity === 'product' && before.available !== after.available) return after.available ? '恢复供应' : '今日售罄';
  const variant = c.entity === 'product' && variantChange(c.before as ProductDto, c.after as ProductDto);
  if (variant) return variant;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== 'id' && k !== 'usageCount' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return keys.length ? `改了${keys.map((k) => FIELD_NAMES[k] ?? k).join('、')}` : '没有改动';
}

/** The ids of the changes that can be undone: each item's latest in the list. */
export function undoable(changes: KnowledgeChangeDto[]): Set<string> {
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const c of changes) {
    if (!seen.has(c.entityId)) ids.add(c.id);
    seen.add(c.entityId);
  }
  return ids;
}
