// The demo merchant: 茶语时光, a two-shop milk-tea business with four staff, a real menu, about 200 customers with
// believable habits (regulars, occasional visitors, some who drifted away) and three months of orders.
// Set up through the same services as a real merchant (demo-setup.ts); its history (customers, orders, stock,
// reviews) is written after. Deterministic (seeded), and idempotent: it does nothing when the demo merchant exists.
import type { OrderChannel } from '@xiaoer/common/constants/orders';
import type { Types } from 'mongoose';
import { seedDemoShopData } from './demo-shop-data.js';
import { seedDemoUnanswered } from './demo-unanswered.js';
import type { Container } from '../app/container.js';
import type { NewCustomer } from '../modules/customers/customer.repository.js';
import type { ProductRecord } from '../modules/catalog/product.repository.js';
import type { NewOrder } from '../modules/orders/order.repository.js';
import { asMerchantId, type MerchantId } from '../tenancy/merchant-id.js';
import { setUpDemoMerchant } from './demo-setup.js';
import { demoCustomer, type DemoCustomerSeed } from './demo-customers.js';
import { MILK_TEA_MENU } from './milk-tea-menu.js';
import { seededRandom, type Random } from './random.js';

const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3600_000;
const HISTORY_DAYS = 90;
const CUSTOMERS = 200;

/** The demo owner's WeChat user in the stand-in. */
export const DEMO_OWNER_OPENID = 'o_demo_chenlaoban';

export interface DemoSeedResult {
  created: boolean;
  merchantId: MerchantId;
  counts?: { customers: number; orders: number; products: number; staff: number };
}

export async function seedDemo(c: Container, now = new Date()): Promise<DemoSeedResult> {
  const existing = await c.repositories.merchants.findDemo();
  if (existing) return { created: false, merchantId: asMerchantId(existing._id) };

  const random = seededRandom(20261123);
  const { merchantId, shops, staff } = await setUpDemoMerchant(c);
  const campus = shops[1]!._id;
  // The owner's WeChat is already bound: the demo console signs in through the stand-in's wx.login as this user.
  await c.repositories.staff.bindMiniProgram(merchantId, staff[0]!._id, DEMO_OWNER_OPENID);
  // in the menu's order, so the seeded draws pick the same products on every run
  const menu = await c.repositories.products.findByNames(
    merchantId,
    MILK_TEA_MENU.map((p) => p.name),
  );
  const products = MILK_TEA_MENU.map((p) => menu.find((s) => s.name === p.name)!);

  // What setup has no step for (the shop's history before Xiaoer: customers and their orders) is written directly.
  const seeds = Array.from({ length: CUSTOMERS }, (_, i) => demoCustomer(random, i));
  // Orders name their customer by seed index until the customers exist (the draws stay in the same order, so the
  // demo stays the same from run to run).
  const orders: { order: NewOrder; customer?: number }[] = [];
  const contact = new Map<number, { first: Date; last: Date }>();
  const orderNo = () => `DEMO${String(orders.length + 1).padStart(6, '0')}`;

  seeds.forEach((seed, i) => {
    for (const placedAt of visitTimes(random, seed, now)) {
      const shopId = seed.tags.includes('大学生') ? campus! : random.pick(shops)._id;
      orders.push({
        order: buildOrder(random, products, { externalId: orderNo(), shopId, placedAt, seed }),
        customer: i,
      });
      const seen = contact.get(i);
      contact.set(i, { first: seen?.first ?? placedAt, last: placedAt });
    }
  });
  // Walk-in customers the shop does not know yet: most of a milk-tea shop's trade.
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    for (let n = random.int(18, 40); n > 0; n--) {
      orders.push({
        order: buildOrder(random, products, {
          externalId: orderNo(),
          shopId: random.pick(shops)._id,
          placedAt: timeOnDay(random, now, d),
        }),
      });
    }
  }

  const followers = staff.filter((s) => s.role !== 'owner').map((s) => s._id);
  const customers: NewCustomer[] = seeds.map((seed, i) => {
    const seen = contact.get(i) ?? {
      first: new Date(now.getTime() - random.int(1, 20) * DAY),
      last: new Date(now.getTime() - random.int(1, 20) * DAY),
    };
    return {
      externalUserId: demoExternalUserId(i),
      name: seed.name,
      remark: seed.remark,
      phone: seed.phone,
      gender: seed.gender,
      birthday: seed.birthday,
      tags: seed.tags,
      sourceChannel: seed.sourceChannel,
      followStaffIds: [random.pick(followers)],
      notes: [],
      firstContactAt: seen.first,
      lastContactAt: seen.last,
      consentMarketing: random.chance(0.85),
      optedOut: random.chance(0.03),
    };
  });
  await c.repositories.customers.insertMany(merchantId, customers);
  const stored = await c.repositories.customers.findManyByExternalUserIds(
    merchantId,
    seeds.map((_, i) => demoExternalUserId(i)),
  );
  const idOf = new Map(stored.map((customer) => [customer.externalUserId, customer._id]));
  const linked = orders.map(({ order, customer }) =>
    customer === undefined ? order : { ...order, customerId: idOf.get(demoExternalUserId(customer)) },
  );
  await c.repositories.orders.insertMany(
    merchantId,
    linked.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime()),
  );
  await c.knowledge.base.changed(merchantId);
  await seedDemoShopData(c, merchantId, now);
  await seedDemoUnanswered(c, merchantId, now, demoExternalUserId);
  return {
    created: true,
    merchantId,
    counts: { customers: customers.length, orders: orders.length, products: products.length, staff: staff.length },
  };
}

const demoExternalUserId = (i: number) => `wmDemo${String(i + 1).padStart(4, '0')}`;

/** A time during opening hours (10:00–21:45 Shanghai) on the day `daysAgo` before now. */
function timeOnDay(random: Random, now: Date, daysAgo: number): Date {
  const localMidnight = Math.floor((now.getTime() + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
  const minute = random.weighted([
    [random.int(600, 690), 2], // morning
    [random.int(690, 840), 4], // lunch rush
    [random.int(840, 1020), 3], // afternoon tea
    [random.int(1020, 1305), 3], // evening
  ] as const);
  return new Date(localMidnight - daysAgo * DAY + minute * 60_000);
}

function visitTimes(random: Random, seed: DemoCustomerSeed, now: Date): Date[] {
  const times: Date[] = [];
  const stopDaysAgo = seed.habit.kind === 'lapsed' ? random.int(35, 75) : 0;
  for (let daysAgo = random.int(60, HISTORY_DAYS); daysAgo > stopDaysAgo;) {
    times.push(timeOnDay(random, now, daysAgo));
    daysAgo -= Math.max(1, seed.habit.everyDays + random.int(-2, 3));
  }
  return times;
}

function buildOrder(
  random: Random,
  products: ProductRecord[],
  o: {
    externalId: string;
    shopId: Types.ObjectId;
    placedAt: Date;
    seed?: DemoCustomerSeed;
  },
): NewOrder {
  const onSale = products.filter((p) => p.available);
  const drinks = onSale.filter((p) => p.category !== '小食');
  const favourite = o.seed?.tags.includes('咖啡控') ? drinks.filter((p) => p.category === '咖啡') : drinks;
  const items = Array.from(
    {
      length: random.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    },
    (_, k) => {
      const product =
        k === 0
          ? random.pick(favourite)
          : random.pick(random.chance(0.3) ? onSale.filter((p) => p.category === '小食') : drinks);
      const large = product.category !== '小食' && random.chance(0.4);
      const specs =
        product.category === '小食'
          ? []
          : [
              large ? '大杯' : '中杯',
              random.pick(o.seed?.tags.includes('少糖党') ? ['三分糖', '五分糖'] : ['全糖', '七分糖', '五分糖']),
            ];
      return {
        productId: product._id,
        name: product.name,
        quantity: random.chance(0.15) ? 2 : 1,
        unitPrice: product.price + (large ? 300 : 0),
        specs,
      };
    },
  );
  const delivery = o.seed?.tags.includes('常点外卖') ? 0.6 : 0.25;
  const channel: OrderChannel = random.chance(delivery)
    ? '外卖'
    : random.weighted([
        ['堂食', 85],
        ['团购', 10],
        ['线上', 5],
      ] as const);
  const gross = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  return {
    externalId: o.externalId,
    shopId: o.shopId,
    channel,
    status: random.chance(0.02) ? 'refunded' : 'completed',
    items,
    amount: channel === '团购' ? Math.round(gross * 0.8) : gross,
    placedAt: o.placedAt,
  };
}
