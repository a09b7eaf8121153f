import { describe, expect, it } from 'vitest';
import { salons } from '../../../test/support/two-salons-fixture.js';
import { checkReply } from './guardrails.js';
import { shopBasics } from './llm-engine.js';
import { offlineAnswer } from './offline-engine.js';

describe('per-shop opening hours', () => {
  const kb = salons();

  it("answers a named shop's closed day and closing time from its own hours", () => {
    const wednesday = offlineAnswer(kb, '玉林店星期三开吗');
    expect(wednesday.needsHuman).toBe(false);
    expect(wednesday.reply).toContain('玉林店周三店休，不营业');
    const closing = offlineAnswer(kb, '玉林那家几点关门');
    expect(closing.reply).toContain('10:00-21:00');
    expect(closing.reply).not.toContain('21:30');
    expect(offlineAnswer(kb, '环球中心店周三开吗').reply).toContain('周三正常营业，10:00-21:30');
  });

  it('lists every shop when none is named and their hours differ', () => {
    const a = offlineAnswer(kb, '你们几点关门');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('环球中心店：');
    expect(a.reply).toContain('玉林店：');
    expect(a.reply).toContain('每周三店休');
  });

  it('answers for the merchant as a whole when every shop keeps its hours', () => {
    const same = salons(false);
    expect(offlineAnswer(same, '玉林店周三开吗').reply).toContain('周三正常营业，10:00-21:30');
    expect(offlineAnswer(same, '几点关门').reply).toBe('我们的营业时间是每天 10:00-21:30。');
  });

  it("checks a weekday claim against the named shop's hours", () => {
    expect(checkReply('玉林店周三店休，不营业', [], kb, '本地服务').ok).toBe(true);
    expect(checkReply('玉林店周三正常营业', [], kb, '本地服务').violations[0]?.kind).toBe('closed_day_mismatch');
    expect(checkReply('环球中心店周三店休', [], kb, '本地服务').violations[0]?.kind).toBe('closed_day_mismatch');
    expect(checkReply('玉林店晚上21:00关门', [], kb, '本地服务').ok).toBe(true);
    expect(checkReply('玉林店晚上23:00关门', [], kb, '本地服务').violations[0]?.kind).toBe('hours_not_in_data');
  });

  it("gives the LLM each shop's own hours", () => {
    expect(shopBasics(kb)).toMatch(/青丝发型\(玉林店\).*本店营业时间：.*10:00-21:00.*周三店休/);
  });
});
