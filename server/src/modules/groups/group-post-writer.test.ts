// Every fixed line the groups may hear — each industry's calendar texts and weather care — passes the same guardrails
// the drafts go through (an absolute like 最好 is banned advertising language and would silently drop the post).
import { CALENDAR_TOPICS, TOPIC_KIND, type CalendarTopic } from '@xiaoer/common/constants/groups';
import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import { describe, expect, it } from 'vitest';
import { milkTeaKnowledge } from '../../../test/support/knowledge-fixture.js';
import { checkReply } from '../ai/guardrails.js';
import { GROUP_CARE } from '../weather/weather-signals.js';
import { weatherPost, writePost } from './group-post-writer.js';

const kb = milkTeaKnowledge();
const attendance = { classes: 6, present: 5, fullAttendance: ['小明'] };
const birthday = [{ name: '阿花', remark: '' }] as never;

describe('the groups’ fixed texts', () => {
  it.each(INDUSTRIES)('pass the guardrails for %s', (industry) => {
    const shop = { ...kb, merchant: { ...kb.merchant, industry } };
    for (const topic of Object.keys(CALENDAR_TOPICS) as CalendarTopic[]) {
      const post = writePost(
        { weekday: 1, at: '10:00', kind: TOPIC_KIND[topic], topic, title: CALENDAR_TOPICS[topic] },
        shop,
        birthday,
        attendance,
      );
      expect(post, topic).not.toBeNull();
      const guard = checkReply(post!.text, post!.citedIds, shop, industry);
      expect(guard.violations, `${topic}: ${post!.text}`).toEqual([]);
    }
    for (const [signal, text] of Object.entries(GROUP_CARE[industry]))
      expect(checkReply(text, [], shop, industry).violations, signal).toEqual([]);
  });
});

describe('the morning’s weather care', () => {
  const withRainOffer = () => {
    const shop = milkTeaKnowledge();
    const offer = {
      id: 'policy:rain',
      kind: 'policy' as const,
      title: '雨天外卖',
      text: '雨天外卖 下雨天外卖满30减5',
      content: '下雨天外卖满30减5。',
      policyKind: 'promotion' as const,
    };
    return { ...shop, passages: [...shop.passages, offer], byId: new Map([...shop.byId, [offer.id, offer]]) };
  };

  it('tells how to order without going out on a wet day, citing the shop’s delivery policy', () => {
    const post = weatherPost(kb, 'rain', '天气关怀：有雨', true); // the demo's only promotion is not about rain
    expect(post.kind).toBe('useful');
    expect(post.text).toContain('不想出门也可以：美团和饿了么都能点');
    expect(post.citedIds).toHaveLength(1);
    expect(post.citedIds[0]).toMatch(/^policy:/);
    expect(checkReply(post.text, post.citedIds, kb, '餐饮').violations).toEqual([]);
  });

  it('carries the shop’s own rainy-day offer only while the week has room for promotion', () => {
    const shop = withRainOffer();
    const offer = weatherPost(shop, 'rain', '天气关怀：有雨', true);
    expect(offer).toMatchObject({ kind: 'promo', citedIds: ['policy:rain'] });
    expect(offer.text).toContain('雨雪天福利：下雨天外卖满30减5。');
    expect(checkReply(offer.text, offer.citedIds, shop, '餐饮').violations).toEqual([]);
    expect(weatherPost(shop, 'rain', '天气关怀：有雨', false).kind).toBe('useful');
    expect(weatherPost(shop, 'heat', '天气关怀：高温', true)).toEqual({
      text: '【天气关怀：高温】今天高温☀️，记得多喝水、少晒太阳，来店里坐坐吹吹空调～',
      citedIds: [],
      kind: 'useful',
    });
  });
});
