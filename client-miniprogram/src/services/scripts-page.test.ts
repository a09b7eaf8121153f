import type { ScriptDto } from '@xiaoer/common/schemas/knowledge-item';
import { describe, expect, it } from 'vitest';
import {
  ALL,
  attachmentFields,
  attachmentOf,
  categoriesOf,
  previewText,
  scriptsIn,
  unknownVariables,
} from './scripts-page';

const script = (id: string, category: string, usageCount: number): ScriptDto => ({
  id,
  category,
  title: id,
  content: '你好',
  usageCount,
});

describe('scripts page', () => {
  it('tabs the library by category, the fullest first, and lists the most used first', () => {
    const lib = [script('a', '售后', 1), script('b', '欢迎', 3), script('c', '欢迎', 9)];
    expect(categoriesOf(lib)).toEqual([ALL, '欢迎', '售后']);
    expect(scriptsIn(lib, '欢迎').map((s) => s.id)).toEqual(['c', 'b']);
    expect(scriptsIn(lib, ALL).map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });

  it('previews the text with a sample customer and the shop’s own name', () => {
    expect(previewText('{客户称呼}您好，欢迎来到{店名}！试试{推荐商品}', '阿芳糖水')).toBe(
      '王女士您好，欢迎来到阿芳糖水！试试招牌款',
    );
    expect(previewText('欢迎来到{店名}', '')).toBe('欢迎来到本店');
  });

  it('names variables staff cannot fill', () => {
    expect(unknownVariables('{客户名}您好，{店名}{客户名}')).toEqual(['{客户名}']);
    expect(unknownVariables('{客户称呼}，{推荐商品}')).toEqual([]);
  });

  it('keeps only the picked attachment kind’s fields', () => {
    const fields = { kind: 'link' as const, url: ' https://a.cn ', title: '菜单', appid: 'wx1', page: 'p' };
    expect(attachmentOf(fields)).toEqual({ kind: 'link', title: '菜单', url: 'https://a.cn' });
    expect(attachmentOf({ ...fields, kind: 'none' })).toBeUndefined();
    expect(attachmentOf({ ...fields, kind: 'miniprogram' })).toEqual({
      kind: 'miniprogram',
      title: '菜单',
      appid: 'wx1',
      page: 'p',
    });
    expect(attachmentFields({ kind: 'image', url: 'https://a.cn/x.png' })).toEqual({
      kind: 'image',
      url: 'https://a.cn/x.png',
      title: '',
      appid: '',
      page: '',
    });
  });
});
