import type { ScriptItemDto } from '@xiaoer/common/schemas/sidebar';

export const FAVOURITES = '★ 收藏';
export const ALL = '全部';

/** Categories in the order staff meet them: all, favourites, then the library's own. */
export const categoriesOf = (scripts: ScriptItemDto[]) => [ALL, FAVOURITES, ...new Set(scripts.map((s) => s.category))];

/**
 * Filters the library by category and by what staff typed: words in the title or content, or pinyin initials
 * ("hyc" finds 欢迎词). Every space-separated term must match.
 */
export function searchScripts(scripts: ScriptItemDto[], query: string, category: string): ScriptItemDto[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return scripts.filter((s) => {
    if (category === FAVOURITES && !s.favourite) return false;
    if (category !== ALL && category !== FAVOURITES && s.category !== category) return false;
    const haystack = `${s.title}\n${s.content}`.toLowerCase();
    return terms.every((t) => haystack.includes(t) || s.initials.includes(t));
  });
}
