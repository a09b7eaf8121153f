import { describe, expect, it } from 'vitest';
import { checkRule, emptyRuleForm, ruleForm, ruleSummary } from './tag-rule-form';

describe('tag rule form', () => {
  it('turns yuan into fen and typed counts into numbers, empty fields into no condition', () => {
    const checked = checkRule({
      ...emptyRuleForm,
      tag: '芒果控',
      minSpendYuan: '199.5',
      minVisits: '3',
      boughtItem: ' 杨枝甘露 ',
    });
    expect(checked).toEqual({
      ok: true,
      value: { tag: '芒果控', enabled: true, minSpendFen: 19950, minVisits: 3, boughtItem: '杨枝甘露' },
    });
  });

  it('names the field at fault in Chinese', () => {
    expect(checkRule({ ...emptyRuleForm, tag: '芒果控', minSpendYuan: '两百' })).toEqual({
      ok: false,
      errors: { minSpendYuan: '请填写金额，例如 200' },
    });
    const none = checkRule({ ...emptyRuleForm, tag: '芒果控' });
    expect(none.ok || none.errors._).toBe('请至少设置一个条件');
    const builtIn = checkRule({ ...emptyRuleForm, tag: '沉睡客户', minVisits: '1' });
    expect(builtIn.ok || builtIn.errors.tag).toBe('这是小二的内置标签，请换一个名字');
    const range = checkRule({ ...emptyRuleForm, tag: '回流', minIdleDays: '30', maxIdleDays: '10' });
    expect(range.ok || range.errors.maxIdleDays).toBe('最少未消费天数不能大于最多天数');
  });

  it('reads a saved rule back into the form and as one line', () => {
    const saved = { id: 'r1', tag: '老主顾', enabled: false, minSpendFen: 50000, minIdleDays: 30 };
    expect(ruleForm(saved)).toMatchObject({ tag: '老主顾', enabled: false, minSpendYuan: '500', minIdleDays: '30' });
    expect(ruleSummary(saved)).toBe('近一年消费满 ¥500 · 30 天以上没来');
  });
});
