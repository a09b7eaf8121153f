import { describe, expect, it } from 'vitest';
import { inTone, toneBrief, toneOf } from './copy-tone.js';

describe('the industry’s copy tone', () => {
  it('writes to parents without emoji and keeps them where the industry uses them', () => {
    const text = '乐乐妈妈，生日快乐🎂！祝您天天开心😊～';
    expect(inTone(text, toneOf('教育培训'))).toBe('乐乐妈妈，生日快乐！祝您天天开心～');
    expect(inTone(text, toneOf('餐饮'))).toBe(text);
  });

  it('tells the LLM the style, the address and whether to use emoji', () => {
    const brief = toneBrief(toneOf('教育培训'));
    expect(brief).toContain('专业稳重');
    expect(brief).toContain('“家长”');
    expect(brief).toContain('不用表情符号');
    expect(toneBrief(toneOf('电商'))).toContain('“亲”');
  });
});
