import { describe, expect, it } from 'vitest';
import { milkTeaKnowledge } from '../../../test/support/knowledge-fixture.js';
import { checkReply } from './guardrails.js';
import { DONT_KNOW, offlineAnswer } from './offline-engine.js';

const kb = milkTeaKnowledge();

describe('offline engine', () => {
  it('answers a price from the menu, with the size supplement, citing the product', () => {
    const a = offlineAnswer(kb, '杨枝甘露多少钱？');
    expect(a.reply).toBe('杨枝甘露中杯18元，大杯加3元。');
    expect(a.needsHuman).toBe(false);
    expect(a.citedIds).toHaveLength(1);
    expect(kb.byId.get(a.citedIds[0]!)?.title).toBe('杨枝甘露');
  });

  it('says when something is sold out or nearly gone', () => {
    expect(offlineAnswer(kb, '手工麻薯还有吗').reply).toBe('手工麻薯目前已售罄。');
    expect(offlineAnswer(kb, '草莓啵啵冰今天有吗').reply).toBe('草莓啵啵冰还有，只剩3份。');
  });

  it('hands off instead of inventing when the shop does not sell it', () => {
    for (const q of ['榴莲千层多少钱', '有没有卖咖啡豆', '你们的披萨怎么卖']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman).toBe(true);
      expect(a.reply).toBe(DONT_KNOW);
      expect(a.citedIds).toEqual([]);
    }
  });

  it('answers hours, address, phone and recommendations from shop data', () => {
    expect(offlineAnswer(kb, '你们几点关门').reply).toBe(
      '营业时间：周日、周一、周二、周三、周四 10:00-22:00；周五、周六 10:00-23:00。',
    );
    expect(offlineAnswer(kb, '店在哪里').reply).toContain('万达广场 1 楼 112 号');
    expect(offlineAnswer(kb, '电话多少').reply).toContain('0571-88886666');
    expect(offlineAnswer(kb, '有什么推荐的').reply).toMatch(/^推荐您试试：.*杨枝甘露（爆款）/);
  });

  it('answers from the FAQ and policies when they clearly match', () => {
    expect(offlineAnswer(kb, '能开发票吗').reply).toContain('电子发票');
    expect(offlineAnswer(kb, '外卖送多远').reply).toContain('3 公里');
  });

  it('hands complaints and requests for a person to staff', () => {
    expect(offlineAnswer(kb, '转人工')).toMatchObject({ needsHuman: true, reason: 'customer asked for a person' });
    expect(offlineAnswer(kb, '奶茶里有头发，我要投诉')).toMatchObject({ needsHuman: true, reason: 'complaint' });
  });

  it('never produces a reply the guardrails would block', () => {
    const questions = [
      '杨枝甘露多少钱',
      '芋泥波波奶茶大杯多少钱',
      '草莓啵啵冰还有吗',
      '几点开门',
      '推荐一下',
      '外卖怎么点',
      '会员怎么办',
      '周三有什么活动',
    ];
    for (const q of questions) {
      const a = offlineAnswer(kb, q);
      expect(checkReply(a.reply, a.citedIds, kb, '餐饮'), q).toMatchObject({ ok: true });
    }
  });
});
