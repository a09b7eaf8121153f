import { describe, expect, it } from 'vitest';
import { morningCard, overnightCounts } from './morning-summary.service.js';

const d = (action: 'sent' | 'handoff' | 'opted_out' | 'skipped', question = '?') => ({ action, question });

describe('the morning summary', () => {
  it('counts what the bot did overnight', () => {
    expect(overnightCounts([d('sent'), d('sent'), d('handoff'), d('opted_out'), d('skipped')])).toEqual({
      answered: 2,
      handedOver: 1,
      optedOut: 1,
    });
  });

  it('is a card for owners and managers naming up to three questions still waiting', () => {
    const night = [
      d('handoff', '可以帮我改一下地址吗我写错了小区名字了谢谢啦'),
      d('sent'),
      d('handoff', '退款'),
      d('handoff', '发票'),
      d('handoff', '第四个'),
    ];
    const card = morningCard('小二奶茶', night, overnightCounts(night));
    expect(card).toMatchObject({ title: '小二奶茶 · 夜间客服小结', to: 'manager', page: 'pages/home/index' });
    expect(card.description).toBe(
      '机器人昨晚回答了 1 个问题，转给店员 4 个。\n待跟进：「可以帮我改一下地址吗我写错了小区名字了谢」、「退款」、「发票」',
    );
  });

  it('says opt-outs, and that nobody waits when nobody does', () => {
    const night = [d('sent'), d('opted_out')];
    expect(morningCard('店', night, overnightCounts(night)).description).toBe(
      '机器人昨晚回答了 1 个问题，转给店员 0 个，1 位客户退订。\n没有需要跟进的客户 👍',
    );
  });

  it('lists the night’s unanswered questions grouped by meaning, most asked first, and opens their page', () => {
    const night = [d('handoff', '能借充电宝吗'), d('handoff', '充电宝可以借吗'), d('handoff', '能停车吗')];
    const gaps = [
      { question: '能借充电宝吗', count: 2 },
      { question: '能停车吗', count: 1 },
      { question: '有发票吗', count: 1 },
      { question: '第四类', count: 1 },
    ];
    const card = morningCard('店', night, overnightCounts(night), gaps);
    expect(card.page).toBe('pages/learn/index');
    expect(card.description.split('\n').at(-1)).toBe(
      '小二没答上的问题（4 类）：「能借充电宝吗」2 次、「能停车吗」、「有发票吗」…… 点开添加答案，下次小二就会回答',
    );
  });
});
