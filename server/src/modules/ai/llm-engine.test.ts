import { describe, expect, it } from 'vitest';
import { clothingShop } from '../../../test/support/shop-fixture.js';
import { buildPrompt, partialReply } from './llm-engine.js';

describe('partialReply', () => {
  it('reads the reply field of an unfinished JSON answer', () => {
    expect(partialReply('{"rep')).toBeUndefined();
    expect(partialReply('{"reply": "')).toBe('');
    expect(partialReply('{"reply":"杨枝甘露中杯')).toBe('杨枝甘露中杯');
    expect(partialReply('{"reply":"18元","confidence":0.9')).toBe('18元');
  });

  it('decodes escapes and waits for one cut at the end of a chunk', () => {
    expect(partialReply('{"reply":"他说\\"好\\"')).toBe('他说"好"');
    expect(partialReply('{"reply":"第一行\\')).toBe('第一行');
    expect(partialReply('{"reply":"a\\u00')).toBe('a');
    expect(partialReply('{"reply":"a\\u4e2d')).toBe('a中');
  });
});

describe('buildPrompt', () => {
  it('gives the model the structured facts: variants with price and stock, attributes, facts and closed days', () => {
    const kb = clothingShop();
    const history = [{ direction: 'in', text: '碎花裙有几个颜色', sentAt: new Date() }] as never;
    const system = buildPrompt(kb, '那黄色L呢', { history }).messages[0]!.content;
    expect(system).toContain('黄色L 199元 售罄');
    expect(system).toContain('蓝色L 209元 有货');
    expect(system).toContain('材质：100%粘胶纤维');
    expect(system).toContain('周一店休（不营业）');
    expect(system).toContain('杭州市武林路88号');
    expect(buildPrompt(kb, '能用支付宝吗', { history: [] }).messages[0]!.content).toContain('微信、支付宝、现金都可以');
  });
});
