// The bot reads customers as a person would, end to end through the WeCom stand-in (a 微信客服 message in, the bot's
// reply out): stock per variant, every question of a message answered, a follow-up resolved from the stored chat, a
// salon's hair question answered and a real complaint handed to staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductFields } from '../../src/modules/catalog/product-variants.js';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let salon: Awaited<ReturnType<WecomTestApp['addMerchant']>>;

const product = (fields: Pick<ProductFields, 'name' | 'category'> & Partial<ProductFields>): ProductFields => ({
  specs: [],
  tags: [],
  allergens: [],
  available: true,
  variants: [],
  attributes: [],
  aliases: [],
  ...fields,
});

/** A customer writes to the salon's 微信客服; every text they have received from it so far. */
async function salonCustomerWrites(externalUserId: string, text: string): Promise<string[]> {
  await w.standin.customers.sendsToKf(salon.openKfId, externalUserId, 'text', { content: text });
  await w.drain();
  return w.standin.state.kfSent
    .filter((m) => m.touser === externalUserId)
    .map((m) => (m.content as { content: string }).content);
}

beforeAll(async () => {
  // the bot answers at any hour here: nothing in these tests depends on the clock
  w = await startWecomTestApp({ autoReply: 'always' });
  const { merchantId } = w.tenant;
  await w.app.container.repositories.products.insertMany(merchantId, [
    product({
      name: '法式碎花连衣裙',
      category: '裙装',
      aliases: ['碎花裙'],
      attributes: [{ name: '材质', value: '100%粘胶纤维' }],
      variants: [
        {
          options: [
            { name: '颜色', value: '黄色' },
            { name: '尺码', value: 'S' },
          ],
          price: 19900,
          stock: 4,
          available: true,
        },
        {
          options: [
            { name: '颜色', value: '黄色' },
            { name: '尺码', value: 'L' },
          ],
          price: 19900,
          stock: 0,
          available: true,
        },
        {
          options: [
            { name: '颜色', value: '蓝色' },
            { name: '尺码', value: 'L' },
          ],
          price: 20900,
          stock: 12,
          available: true,
        },
      ],
    }),
  ]);

  salon = await w.addMerchant('always');
  const salonId = asMerchantId(salon.tenant.merchantId);
  await w.app.container.repositories.merchants.updateProfile(salonId, { name: '青丝发型', industry: '本地服务' });
  await w.app.container.repositories.products.insertMany(salonId, [
    product({ name: '洗剪吹', category: '剪发', price: 6800, aliases: ['剪头', '剪发'] }),
  ]);
  await w.app.container.knowledge.faqs.insertMany(salonId, [
    { questions: ['头发分叉怎么办', '发尾分叉'], answer: '分叉的发尾建议剪掉，再做一次结构护理（188元）。' },
  ]);
});
afterAll(() => w.close());

describe('the bot understands what customers ask', () => {
  it('answers a stock question per variant, not from the product', async () => {
    expect(await w.kfCustomerWrites('wmVariantStock', '连衣裙黄色L码还有吗')).toEqual(['法式碎花连衣裙黄色L已售罄。']);
    const replies = await w.kfCustomerWrites('wmVariantStock', '那蓝色L呢');
    expect(replies.at(-1)).toBe('法式碎花连衣裙蓝色L有货，209元。');
  });

  it('answers both questions of a two-part message in one reply', async () => {
    expect(await w.kfCustomerWrites('wmTwoPart', '碎花裙多少钱？什么材质的')).toEqual([
      '法式碎花连衣裙：黄色S、黄色L199元，蓝色L209元；法式碎花连衣裙材质：100%粘胶纤维。',
    ]);
    const decision = await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmTwoPart');
    expect(decision).toMatchObject({ action: 'sent', engine: 'offline', violations: [] });
  });

  it('resolves a follow-up from the stored conversation', async () => {
    await w.kfCustomerWrites('wmFollowUp', '碎花裙多少钱');
    const replies = await w.kfCustomerWrites('wmFollowUp', '那蓝色呢');
    expect(replies).toHaveLength(2);
    expect(replies[1]).toBe('法式碎花连衣裙蓝色209元。');
  });

  it('answers a salon customer’s hair question, and hands a real complaint to staff', async () => {
    expect(await salonCustomerWrites('wmSalonHair', '头发分叉好严重 怎么办')).toEqual([
      '分叉的发尾建议剪掉，再做一次结构护理（188元）。',
    ]);
    const salonId = asMerchantId(salon.tenant.merchantId);
    expect((await w.app.container.ai.decisions.latestFor(salonId, 'wmSalonHair'))?.action).toBe('sent');

    expect(await salonCustomerWrites('wmSalonAngry', '昨天剪的头发太难看了，我要投诉')).toEqual([
      '非常抱歉给您带来不好的体验，我马上请店长来处理～',
    ]);
    expect(w.standin.state.kfSessions.get(`${salon.openKfId}:wmSalonAngry`)).toMatchObject({
      state: 3,
      servicerUserId: salon.tenant.people.manager.wecomUserId,
    });
    expect(await w.app.container.ai.decisions.latestFor(salonId, 'wmSalonAngry')).toMatchObject({
      action: 'handoff',
      reason: 'complaint',
    });
  });
});
