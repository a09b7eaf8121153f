import { describe, expect, it } from 'vitest';
import { presentAsk } from './learning.presenter.js';
import type { AskOutcome } from './ask-preview.service.js';

const outcome = (over: Partial<AskOutcome>): AskOutcome => ({
  engine: 'offline',
  action: 'answer',
  reply: '门口有两个免费车位',
  answer: {
    reply: '门口有两个免费车位',
    confidence: 0.9,
    needsHuman: false,
    reason: 'fact',
    citedIds: [],
    proposedTags: [],
  },
  violations: [],
  cited: [],
  ...over,
});

describe('问问小二 as the owner reads it', () => {
  it('names each piece of shop data it used; a kind it does not know yet is 店铺资料', () => {
    const shown = presentAsk({
      offline: outcome({
        cited: [
          { id: 'fact:1', kind: 'fact', title: '停车', text: '门口有两个免费车位' },
          { id: 'x:1', kind: 'someday', title: '新资料', text: '…' },
        ],
      }),
      llm: null,
      llmFailed: false,
    });
    expect(shown.offline.cited.map((c) => [c.kind, c.kindName])).toEqual([
      ['fact', '店铺信息'],
      ['other', '店铺资料'],
    ]);
    expect(shown.offline.handoffReason).toBeUndefined();
  });

  it('a handover says why in plain words, and what the guardrails stopped', () => {
    const shown = presentAsk({
      offline: outcome({
        action: 'handoff',
        answer: { ...outcome({}).answer, reason: 'product not found in the menu' },
      }),
      llm: outcome({
        engine: 'llm',
        action: 'handoff',
        violations: [{ kind: 'price_not_in_data', detail: '9元' }],
      }),
      llmFailed: false,
    });
    expect(shown.offline.handoffReason).toBe('店铺资料里没有这个商品');
    expect(shown.llm).toMatchObject({
      engineName: 'AI 模型',
      handoffReason: '回答没通过核对，已拦截',
      blocked: ['提到的价格店铺资料里没有：9元'],
    });
    expect(shown).not.toHaveProperty('llmError');
  });
});
