import { describe, expect, it } from 'vitest';
import { groupQuestions, isKnowledgeGap, questionKey } from './question-groups.js';

const asked = (...questions: string[]) => questions.map((question, i) => ({ id: String(i), question }));

describe('unanswered questions grouped by meaning', () => {
  it('strips what only says "I am asking": politeness, particles, punctuation, full-width letters', () => {
    expect(questionKey('请问，可以带狗狗进店吗？？')).toBe(questionKey('能带狗狗进店吗'));
    expect(questionKey('ＷＩＦＩ密码是多少呀')).toBe(questionKey('wifi密码多少'));
  });

  it('puts near-duplicates together and keeps different questions apart', () => {
    const groups = groupQuestions(
      asked(
        '可以带狗狗进店吗',
        '停车方便吗',
        '请问能带狗狗进店吗？',
        '你们店里能带狗狗吗',
        '附近有停车的地方吗',
        '可以开发票吗',
      ),
    );
    const questions = groups.map((g) => g.map((q) => q.question));
    expect(questions[0]).toEqual(['可以带狗狗进店吗', '请问能带狗狗进店吗？', '你们店里能带狗狗吗']);
    expect(questions).toContainEqual(['可以开发票吗']);
    expect(questions.flat()).toHaveLength(6);
    // a dog and an invoice never share a group
    expect(questions.find((g) => g.includes('可以开发票吗'))).toHaveLength(1);
  });

  it('orders groups by how often they were asked, then by the order given (the latest first)', () => {
    const groups = groupQuestions(asked('有发票吗', '几点开门', '几点开门呀', '有发票吗？', '开发票吗', '送货吗'));
    expect(groups.map((g) => g[0]!.question)).toEqual(['有发票吗', '几点开门', '送货吗']);
  });

  it('a question that is only filler still forms its own group rather than joining everything', () => {
    const groups = groupQuestions(asked('？？', '在吗', '可以开发票吗'));
    expect(groups).toHaveLength(3);
  });

  it('counts only what the shop could learn: not complaints, requests for a person, attacks, media or a flood', () => {
    expect(isKnowledgeGap({ intent: 'unknown', reason: 'no knowledge for intent unknown' })).toBe(true);
    expect(isKnowledgeGap({ intent: 'price', reason: 'product not found in the menu' })).toBe(true);
    expect(isKnowledgeGap({ intent: 'price', reason: 'guardrail: price' })).toBe(true);
    expect(isKnowledgeGap({ intent: 'complaint', reason: 'complaint' })).toBe(false);
    expect(isKnowledgeGap({ intent: 'human', reason: 'customer asked for a person' })).toBe(false);
    expect(isKnowledgeGap({ intent: 'unknown', reason: 'flood' })).toBe(false);
    expect(isKnowledgeGap({ intent: 'media', reason: 'image' })).toBe(false);
    expect(isKnowledgeGap({ intent: 'refund', reason: 'asks the bot to break its rules or for other data' })).toBe(
      false,
    );
    expect(isKnowledgeGap({ intent: 'price', reason: 'partly answered; the rest is not in the shop data' })).toBe(true);
  });
});
