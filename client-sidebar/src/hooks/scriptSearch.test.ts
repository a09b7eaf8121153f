import type { ScriptItemDto } from '@xiaoer/common/schemas/sidebar';
import { describe, expect, it } from 'vitest';
import { ALL, FAVOURITES, categoriesOf, searchScripts } from './scriptSearch';

const script = (
  id: string,
  category: string,
  title: string,
  content: string,
  initials: string,
  favourite = false,
): ScriptItemDto => ({ id, category, title, content, initials, favourite, usageCount: 0 });
const library = [
  script('1', '欢迎', '欢迎词', '{客户称呼}您好，欢迎光临', 'hyc khchnhhygl', true),
  script('2', '售后', '退款说明', '未制作的订单可全额退款', 'tksm wzzdddkqetk'),
  script('3', '活动', '会员日', '每周三会员日第二杯半价', 'hyr mzshyrdebbj'),
];

describe('searchScripts', () => {
  it('finds by words, by pinyin initials, and needs every term', () => {
    expect(searchScripts(library, '退款', ALL).map((s) => s.id)).toEqual(['2']);
    expect(searchScripts(library, 'hyc', ALL).map((s) => s.id)).toEqual(['1']);
    expect(searchScripts(library, 'HYR', ALL).map((s) => s.id)).toEqual(['3']);
    expect(searchScripts(library, '会员 半价', ALL).map((s) => s.id)).toEqual(['3']);
    expect(searchScripts(library, '会员 退款', ALL)).toEqual([]);
    expect(searchScripts(library, '  ', ALL)).toHaveLength(3);
  });

  it('filters by category and favourites', () => {
    expect(searchScripts(library, '', '售后').map((s) => s.id)).toEqual(['2']);
    expect(searchScripts(library, '', FAVOURITES).map((s) => s.id)).toEqual(['1']);
    expect(categoriesOf(library)).toEqual([ALL, FAVOURITES, '欢迎', '售后', '活动']);
  });
});
