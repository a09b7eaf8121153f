// Every fixed line the groups may hear — each industry's calendar texts and weather care — passes the same guardrails
// the drafts go through (an absolute like 最好 is banned advertising language and would silently drop the post).
import { CALENDAR_TOPICS, TOPIC_KIND, type CalendarTopic } from '@xiaoer/common/constants/groups';
import { INDUSTRIES, type Industry } from '@xiaoer/common/constants/industries';
import { describe, expect, it } from 'vitest';
import { milkTeaKnowledge } from '../../../test/support/knowledge-fixture.js';
import { checkReply } from '../ai/guardrails.js';
import { GROUP_CARE } from '../weather/weather-signals.js';
import { weatherPost, writePost } from './group-post-writer.js';

const kb = milkTeaKnowledge();
const attendance = { classes: 3, places: 6, present: 5, fullAttendance: ['小明'] };
const birthday = [{ name: '阿花', remark: '' }] as never;

const slotOf = (topic: CalendarTopic, title: string = CALENDAR_TOPICS[topic]) => ({
  weekday: 1,
  at: '10:00',
  kind: TOPIC_KIND[topic],
  topic,
  title,
});
const everyTopic = Object.keys(CALENDAR_TOPICS) as CalendarTopic[];
const shopOf = (industry: Industry, products = kb.products) => ({
  ...kb,
  products,
  merchant: { ...kb.merchant, industry },
});

describe('the groups’ fixed texts', () => {
  it.each(INDUSTRIES)('pass the guardrails for %s', (industry) => {
    const shop = shopOf(industry);
    for (const topic of everyTopic) {
      const post = writePost(slotOf(topic), shop, birthday, attendance);
      if (!post) continue; // the industry has no text for the topic, or the shop no record
      const guard = checkReply(post.text, post.citedIds, shop, industry);
      expect(guard.violations, `${topic}: ${post.text}`).toEqual([]);
    }
    for (const [signal, text] of Object.entries(GROUP_CARE[industry]))
      expect(checkReply(text, [], shop, industry).violations, signal).toEqual([]);
  });

  it('speak a clothing shop’s language: no drink or dish in a retail week', () => {
    const [a, b, c] = kb.products;
    const clothes = shopOf('零售', [
      { ...a!, name: '米白风衣', tags: ['新品'], description: '落肩版型，垂感面料', stock: 12, attributes: [] },
      { ...b!, name: '针织开衫', tags: [], description: undefined, stock: 40, attributes: [] },
      { ...c!, name: '直筒牛仔裤', tags: ['爆款'], description: undefined, stock: 25, attributes: [] },
    ]);
    const week = everyTopic.map((t) => writePost(slotOf(t), clothes, birthday, attendance)).filter(Boolean);
    expect(week.length).toBeGreaterThan(3);
    for (const post of week) expect(post!.text).not.toMatch(/饮品|奶茶|菜品|喝|尝尝/);
    expect(writePost(slotOf('chain_signup', '拼单接龙'), clothes, [], undefined)!.text).toContain('「预留+商品+尺码」');
    expect(writePost(slotOf('new_item'), clothes, [], undefined)!.text).toContain('新款米白风衣');
    expect(writePost(slotOf('member_price'), clothes, [], undefined)!.text).toContain('针织开衫有现货');
  });

  it('tease a milk-tea shop’s new product by its real name and words, citing it', () => {
    const fresh = kb.products.find((p) => p.name === '多肉葡萄')!;
    const post = writePost(slotOf('flavour_guess', '猜猜新品'), kb, [], undefined)!;
    expect(post.text).toContain('多肉葡萄');
    expect(post.text).toContain('当季巨峰葡萄现剥');
    expect(post.text).not.toMatch(/粉色|果香/);
    expect(post.citedIds).toEqual([`product:${fresh._id}`]);
    expect(writePost(slotOf('new_item'), kb, [], undefined)).toMatchObject({ citedIds: [`product:${fresh._id}`] });
  });

  it('draft no teaser and no new-item post for a shop without a 新品', () => {
    const plain = shopOf(
      '餐饮',
      kb.products.map((p) => ({ ...p, tags: p.tags.filter((t) => t !== '新品') })),
    );
    expect(writePost(slotOf('flavour_guess'), plain, [], undefined)).toBeNull();
    expect(writePost(slotOf('new_item'), plain, [], undefined)).toBeNull();
  });

  it('never claim a self-check the shop did not write down, and quote the one it did', () => {
    for (const industry of INDUSTRIES) {
      const shop = shopOf(industry);
      expect(writePost(slotOf('food_safety'), shop, birthday, attendance), industry).toBeNull();
      for (const topic of everyTopic) {
        const post = writePost(slotOf(topic, '本周'), shop, birthday, attendance);
        expect(post?.text ?? '', `${industry} ${topic}`).not.toMatch(/自查|已完成|已检查/);
      }
    }
    const check = {
      id: 'policy:check',
      kind: 'policy' as const,
      title: '食品安全',
      text: '食品安全 每天开店前检查原料效期和冷藏温度',
      content: '每天开店前检查原料效期和冷藏温度。',
      policyKind: 'other' as const,
    };
    const recorded = { ...kb, passages: [...kb.passages, check], byId: new Map([...kb.byId, [check.id, check]]) };
    expect(writePost(slotOf('food_safety', '食品安全'), recorded, [], undefined)).toEqual({
      text: '【食品安全】每天开店前检查原料效期和冷藏温度。',
      citedIds: ['policy:check'],
    });
  });

  it('promise no gift on a birthday, and name only the week’s birthdays', () => {
    const post = writePost(slotOf('birthday_wishes', '本周寿星'), kb, birthday, undefined)!;
    expect(post.text).toBe('【本周寿星】这周过生日的有阿花，祝生日快乐🎂！');
    expect(writePost(slotOf('birthday_wishes'), kb, [], undefined)).toBeNull();
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
      text: '【天气关怀：高温】今天高温☀️，记得多喝水、少晒太阳～想喝冰爽的在群里说一声，我们提前做好。',
      citedIds: [],
      kind: 'useful',
    });
  });
});
