// Every industry template's texts: only placeholders the product fills, and no fact of its own outside a blank for
// the owner (a number, a price, a platform, a promise) — what a template says, the shop's data must back.
import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import { SCENARIO_KEYS } from '@xiaoer/common/constants/scenarios';
import { POLICY_KINDS, faqInputSchema, policyInputSchema, scriptInputSchema } from '@xiaoer/common/schemas/knowledge';
import { BLANK_PATTERN, blanksIn, hasBlank, welcomeTextSchema } from '@xiaoer/common/schemas/knowledge-template';
import { describe, expect, it } from 'vitest';
import { renderWelcome } from '../customers/contacts/welcome-message.js';
import { SCRIPT_PLACEHOLDERS, WELCOME_PLACEHOLDERS } from './industry-template.js';
import { APPLY_PLACEHOLDERS, fillFacts, shopFacts } from './template-fill.js';
import { INDUSTRY_KNOWLEDGE } from './templates.js';

/** What states a fact a shop must back: numbers, money, discounts, freebies, platforms and couriers, guarantees. */
const FACT_PATTERNS: RegExp[] = [
  /\d/,
  /[¥￥]|元(?!旦)/,
  /[折扣]|优惠|半价|立减|特价|满减/,
  /免费|包邮|赠送|送您|礼品|无理由/,
  /美团|饿了么|大众点评|抖音|淘宝|天猫|拼多多|京东|顺丰|中通|圆通|韵达|申通|邮政|支付宝|云闪付|微信支付/,
  /保证|一定|绝对|百分百|承诺|最好|第一/,
  /小时|分钟|天内|公里/,
];
const PLACEHOLDER = /\{[^}]+\}/g;

/** The text with its blanks removed: what a customer would read once the owner filled them. */
const outsideBlanks = (text: string) => text.replace(BLANK_PATTERN, '');
const factsIn = (text: string) => FACT_PATTERNS.filter((p) => p.test(outsideBlanks(text))).map(String);
const placeholdersIn = (text: string) => outsideBlanks(text).match(PLACEHOLDER) ?? [];

describe.each(INDUSTRIES)('the %s template', (industry) => {
  const t = INDUSTRY_KNOWLEDGE[industry];
  // customers' questions state nothing: they are how customers ask
  const questions = t.faqs.flatMap((f) => f.questions);
  const knowledgeTexts = [...t.faqs.map((f) => f.answer), ...t.policies.flatMap((p) => [p.title, p.content])];
  const scriptTexts = t.scripts.flatMap((s) => [s.title, s.content]);
  const welcomeTexts = t.welcomes.map((w) => w.text);

  it('is the industry it is filed under, with starters of every kind', () => {
    expect(t.industry).toBe(industry);
    expect(t.faqs.length).toBeGreaterThanOrEqual(5);
    expect(t.policies.length).toBeGreaterThanOrEqual(3);
    expect(t.scripts.length).toBeGreaterThanOrEqual(5);
    expect(t.welcomes.map((w) => w.channel)).toContain('default');
    expect(t.tone.style).not.toBe('');
    expect(t.scenarios.enabled.length).toBeGreaterThan(0);
    for (const key of t.scenarios.enabled) expect(SCENARIO_KEYS).toContain(key);
  });

  it('gives each starter its own key and each welcome its own channel', () => {
    const keys = [...t.faqs, ...t.policies, ...t.scripts].map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const channels = t.welcomes.map((w) => w.channel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('uses only placeholders the product fills where each text is used', () => {
    for (const text of [...questions, ...knowledgeTexts])
      for (const p of placeholdersIn(text)) expect(APPLY_PLACEHOLDERS, `${p} in ${text}`).toContain(p);
    for (const text of scriptTexts)
      for (const p of placeholdersIn(text))
        expect([...APPLY_PLACEHOLDERS, ...SCRIPT_PLACEHOLDERS], `${p} in ${text}`).toContain(p);
    for (const text of welcomeTexts)
      for (const p of placeholdersIn(text)) expect(WELCOME_PLACEHOLDERS, `${p} in ${text}`).toContain(p);
  });

  it('states no fact of its own outside the blanks the owner fills', () => {
    for (const text of [...knowledgeTexts, ...scriptTexts, ...welcomeTexts, t.tone.sample])
      expect(factsIn(text), text).toEqual([]);
  });

  it('fits the editor: every starter passes the schema the owner edits it with, once the shop’s facts are in', () => {
    const facts = shopFacts({ name: '测试店', businessHours: [{ weekday: 1, open: '09:00', close: '21:00' }] }, [
      { name: '本店', address: '中山路 1 号', phone: '13800138000' } as never,
    ]);
    for (const f of t.faqs)
      expect(faqInputSchema.safeParse({ questions: f.questions, answer: fillFacts(f.answer, facts) }).success).toBe(
        true,
      );
    for (const p of t.policies) {
      expect(POLICY_KINDS).toContain(p.kind);
      expect(
        policyInputSchema.safeParse({ kind: p.kind, title: p.title, content: fillFacts(p.content, facts) }).success,
      ).toBe(true);
    }
    for (const s of t.scripts)
      expect(
        scriptInputSchema.safeParse({ category: s.category, title: s.title, content: fillFacts(s.content, facts) })
          .success,
      ).toBe(true);
  });

  it('welcomes customers with the shop’s name and no blank, so each can be sent as soon as WeCom is connected', () => {
    for (const w of t.welcomes) {
      expect(hasBlank(w.text)).toBe(false);
      expect(welcomeTextSchema.safeParse(w).success).toBe(true);
      const sent = renderWelcome([w], 'other', { customerName: '王小姐', shopName: '好味道' });
      if (w.channel === 'default') expect(sent).toContain('好味道');
    }
  });
});

describe('filling a template from the shop’s data', () => {
  it('puts in the name, hours, address and phone; one shop plainly, several by name', () => {
    const merchant = {
      name: '好味道',
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' })),
    };
    const one = shopFacts(merchant, [{ name: '总店', address: '人民路 8 号', phone: '028-12345678' } as never]);
    expect(fillFacts('{店名}：{营业时间}，{门店地址}，{门店电话}', one)).toBe(
      '好味道：每天 10:00-22:00，人民路 8 号，028-12345678',
    );
    const two = shopFacts(merchant, [
      { name: 'A店', address: '一路 1 号', phone: '13800000001' } as never,
      { name: 'B店', address: '二路 2 号' } as never,
    ]);
    expect(fillFacts('{门店地址}|{门店电话}', two)).toBe('A店：一路 1 号；B店：二路 2 号|A店：13800000001');
  });

  it('answers 客服在线时间 with the 客服 hours the owner set, else the opening hours', () => {
    const ecommerce = INDUSTRY_KNOWLEDGE['电商'].faqs.find((f) => f.questions.includes('客服在线时间'))!;
    const open = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' }));
    const service = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '23:30' }));
    expect(
      fillFacts(ecommerce.answer, shopFacts({ name: '好物', businessHours: open, serviceHours: service }, [])),
    ).toBe('客服在线时间：每天 09:00-23:30。');
    expect(fillFacts(ecommerce.answer, shopFacts({ name: '好物', businessHours: open }, []))).toBe(
      '客服在线时间：每天 10:00-22:00。',
    );
  });

  it('leaves a blank for a fact the shop has not given, so the item waits for the owner', () => {
    const facts = shopFacts({ name: '好味道', businessHours: [] }, []);
    const text = fillFacts('{店名}的地址：{门店地址}，营业时间：{营业时间}', facts);
    expect(text).toBe('好味道的地址：【请填写：门店地址】，营业时间：【请填写：营业时间】');
    expect(blanksIn(text)).toEqual(['门店地址', '营业时间']);
    expect(hasBlank(text)).toBe(true);
  });

  it('quotes what the owner said in the business step (how to pay, couriers …), else leaves it to fill', () => {
    const facts = shopFacts(
      {
        name: '好味道',
        businessHours: [],
        facts: [
          { topic: 'payment', text: '微信、支付宝、现金' },
          { topic: 'wifi', text: '   ' },
        ],
      },
      [],
    );
    expect(fillFacts('支持的付款方式：{付款方式}。', facts)).toBe('支持的付款方式：微信、支付宝、现金。');
    expect(fillFacts('{WiFi}', facts)).toBe('【请填写：WiFi】');
    expect(fillFacts('快递：{快递公司}', facts)).toBe('快递：【请填写：快递公司】');
    const payment = INDUSTRY_KNOWLEDGE['电商'].faqs.find((f) => f.key === 'faq:payment')!;
    expect(hasBlank(fillFacts(payment.answer, facts))).toBe(false);
  });

  it('keeps the placeholders filled later, per customer', () => {
    const facts = shopFacts({ name: '好味道', businessHours: [] }, []);
    expect(fillFacts('{客户称呼}，{店名}欢迎您', facts)).toBe('{客户称呼}，好味道欢迎您');
  });
});
