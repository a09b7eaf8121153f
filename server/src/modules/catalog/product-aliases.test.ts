import { describe, expect, it } from 'vitest';
import { catalogueAliases, coreName, generatedAliases, shortForms, toInitials, toPinyin } from './product-aliases.js';

describe('generated aliases of one name', () => {
  it('gives the full pinyin and the initials', () => {
    expect(generatedAliases('杨枝甘露')).toEqual({
      pinyin: 'yangzhiganlu',
      initials: 'yzgl',
      shortForms: ['杨枝', '甘露'],
    });
  });

  it('reads polyphones in their word (重庆 chongqing, 银行 yinhang) and writes ü as v, letters kept', () => {
    expect(toPinyin('重庆小面')).toBe('chongqingxiaomian');
    expect(toPinyin('茉莉奶绿')).toBe('molinailv');
    expect(toPinyin('纯棉圆领T恤')).toBe('chunmianyuanlingtxu');
    expect(toInitials('纯棉圆领T恤')).toBe('cmyltx');
  });

  it('gives no initials for a two-syllable name (two letters match too much)', () => {
    expect(generatedAliases('烤奶')).toEqual({ pinyin: 'kaonai', shortForms: [] });
  });

  it('drops bracketed qualifiers and one marketing prefix, and the core is a short form', () => {
    expect(coreName('招牌杨枝甘露（大杯）')).toBe('杨枝甘露');
    expect(shortForms('招牌杨枝甘露')).toEqual(['杨枝甘露', '杨枝', '甘露']);
    expect(generatedAliases('经典珍珠奶茶').pinyin).toBe('zhenzhunaicha');
    // a prefix that would leave less than two characters is the name itself
    expect(coreName('新品')).toBe('新品');
  });

  it('splits a known product noun off the end: the head tells products apart', () => {
    expect(shortForms('多肉葡萄')).toEqual(['多肉', '葡萄']);
    expect(shortForms('芋泥波波奶茶')).toEqual(['芋泥波波', '奶茶']);
    expect(shortForms('冬季加厚羽绒服')).toEqual(['加厚羽绒服', '加厚', '羽绒服']);
    expect(shortForms('纯棉圆领T恤')).toEqual(['纯棉圆领', 'T恤']);
    expect(shortForms('少儿编程体验课')).toEqual(['少儿编程', '体验课']);
  });

  it('gives a longer name its first two and last three characters, and a three-character one none', () => {
    expect(shortForms('满杯百香果')).toEqual(['满杯', '百香果']);
    expect(shortForms('雪梨银耳羹')).toEqual(['雪梨', '银耳羹']);
    expect(shortForms('洗剪吹')).toEqual([]);
  });
});

describe('aliases across a catalogue', () => {
  it('keeps a short form that names one product only', () => {
    const [grape, mango] = catalogueAliases([
      { name: '多肉葡萄', category: '鲜果茶' },
      { name: '杨枝甘露', category: '鲜果茶' },
    ]);
    expect(grape).toEqual(['duorouputao', 'drpt', '多肉', '葡萄']);
    expect(mango).toEqual(['yangzhiganlu', 'yzgl', '杨枝', '甘露']);
  });

  it('drops a short form two products share, a category name, and another product’s name', () => {
    const [grape, jelly, milkTea, plain] = catalogueAliases([
      { name: '多肉葡萄', category: '鲜果茶' },
      { name: '芝芝葡萄', category: '鲜果茶' },
      { name: '珍珠奶茶', category: '奶茶' },
      { name: '珍珠', category: '小料' },
    ]);
    expect(grape).not.toContain('葡萄');
    expect(jelly).not.toContain('葡萄');
    expect(grape).toContain('多肉');
    // 奶茶 is a category, 珍珠 another product
    expect(milkTea).toEqual(['zhenzhunaicha', 'zznc']);
    expect(plain).toEqual(['zhenzhu']);
  });

  it('puts the owner’s aliases first and keeps them even when another product shares them', () => {
    const [mango, other] = catalogueAliases([
      { name: '杨枝甘露', aliases: ['芒果西米露', 'mango pomelo'] },
      { name: '芒果冰', aliases: ['芒果西米露'] },
    ]);
    expect(mango!.slice(0, 2)).toEqual(['芒果西米露', 'mango pomelo']);
    expect(other![0]).toBe('芒果西米露');
  });

  it('keeps homophone typos reachable: a typo has the same pinyin as the name', () => {
    expect(toPinyin('杨枝甘路')).toBe(generatedAliases('杨枝甘露').pinyin);
  });
});
