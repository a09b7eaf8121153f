import { describe, expect, it } from 'vitest';
import { checkFacts, factsForm, fieldErrors } from './shop-facts-form';

describe('the customer-facing facts form', () => {
  it('sends the topics the owner filled, in the catalogue order, then the named others', () => {
    const form = {
      topics: { wifi: 'CYSG-5G / 88886666', payment: '微信、支付宝', booking: '  ' },
      others: [
        { label: '宠物', text: '小型宠物可以进店' },
        { label: '', text: '' },
      ],
    };
    expect(checkFacts(form)).toEqual({
      ok: true,
      facts: [
        { topic: 'payment', text: '微信、支付宝' },
        { topic: 'wifi', text: 'CYSG-5G / 88886666' },
        { topic: 'other', label: '宠物', text: '小型宠物可以进店' },
      ],
    });
  });

  it('puts each error under the field it is about', () => {
    const form = { topics: { couriers: '中'.repeat(301) }, others: [{ label: '', text: '可以带宠物' }] };
    expect(checkFacts(form)).toEqual({
      ok: false,
      errors: { couriers: '每项最多 300 个字', 'other.0.label': '请写上这项叫什么' },
    });
    const unnamed = { topics: { couriers: '中通' }, others: [{ label: '', text: '可以带宠物' }] };
    expect(fieldErrors(unnamed, { 'facts.1.text': '请填写内容', x: '别的' })).toEqual({
      'other.0.text': '请填写内容',
      _: '别的',
    });
  });

  it('reads saved facts back into the form', () => {
    expect(
      factsForm([
        { topic: 'ship_from', text: '浙江杭州' },
        { topic: 'other', label: '宠物', text: '可以' },
      ]),
    ).toEqual({ topics: { ship_from: '浙江杭州' }, others: [{ label: '宠物', text: '可以' }] });
  });
});
