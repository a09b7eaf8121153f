// The documented examples of the shop-learning contracts: the owner's list, one tap's answer, 问问小二's verdicts.
import { describe, expect, it } from 'vitest';
import * as learning from './learning.js';

const ID = '64b0000000000000000000aa';
const AT = '2026-11-23T14:30:00.000Z';

describe('shop-learning contracts', () => {
  it('the list: a group named by its latest question, with the ways it was asked and the customers by name', () => {
    const list = {
      groups: [
        {
          id: ID,
          question: '请问有充电宝借吗？',
          count: 2,
          variants: ['请问有充电宝借吗？', '店里可以借充电宝吗'],
          examples: [
            {
              question: '请问有充电宝借吗？',
              customerName: '林小姐',
              channel: 'kf',
              reason: '店铺资料里没有答案',
              at: AT,
            },
          ],
          lastAt: AT,
        },
      ],
      total: 2,
    };
    expect(learning.unansweredQuestions.response.parse(list)).toEqual(list);
    // a customer's WeCom id is not part of an example
    expect(() =>
      learning.unansweredQuestions.response.parse({
        ...list,
        groups: [{ ...list.groups[0], examples: [{ ...list.groups[0]!.examples[0], externalUserId: 'wm1' }] }],
      }),
    ).toThrow();
  });

  it('an answer: the owner’s words, the ways of asking optional; never a tenant', () => {
    expect(learning.answerQuestions.request.parse({ answer: '可以借' })).toEqual({ answer: '可以借' });
    expect(() => learning.answerQuestions.request.parse({ answer: '可以借', merchantId: ID })).toThrow();
    expect(() => learning.answerQuestions.request.parse({ answer: ' ' })).toThrow();
    expect(learning.answerQuestions.response.parse({ faqId: ID, resolved: 2 })).toEqual({ faqId: ID, resolved: 2 });
  });

  it('问问小二: each engine’s verdict with the shop data as cards', () => {
    const verdict = {
      engine: 'offline',
      engineName: '离线引擎',
      action: 'answer',
      reply: '杨枝甘露中杯18元，大杯加3元。',
      confidence: 0.9,
      cited: [{ id: `product:${ID}`, kind: 'product', kindName: '商品', title: '杨枝甘露', detail: '杨枝甘露 18元' }],
      blocked: [],
    };
    expect(learning.ask.response.parse({ offline: verdict, llm: null })).toMatchObject({ offline: verdict });
    expect(() => learning.ask.request.parse({ question: '' })).toThrow();
    expect(() => learning.ask.request.parse({ question: '问'.repeat(201) })).toThrow();
  });
});
