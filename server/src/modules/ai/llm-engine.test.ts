import { describe, expect, it } from 'vitest';
import { partialReply } from './llm-engine.js';

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
