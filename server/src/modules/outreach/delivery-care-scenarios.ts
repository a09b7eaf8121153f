// An online shop's care after a parcel is signed for (the shipments intake's deliveredAt and buyer): a few days on,
// whether it arrived and how to look after what was in it — the product's own care and usage attributes, never
// invented ones — and a week on, a gentle invitation to review. Each stage reads the parcels signed for on one local
// day, and the daily run is recorded once, so a parcel is seen once per stage; a refunded order gets neither.
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { addDays, startOfLocalDay } from '../clock/period.js';
import { merchantZone } from '../clock/business-hours.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShipmentRecord } from '../shop-data/shipment.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { call, MAX_DRAFTS_PER_RUN, type Candidate, type Scenario, type ScenarioContext } from './scenarios.js';

/** Attributes that say how to use or look after a product (the menu sheet's 保养, 洗涤, 储存 … columns). */
const CARE = /保养|洗涤|清洗|洗护|使用|用法|储存|存放|保存|食用|安装|充电|注意/;
const NOT_KEPT = new Set(['refunded', 'cancelled']);

type Product = KnowledgeBase['products'][number];
interface Parcel {
  shipment: ShipmentRecord;
  product?: Product;
}

const findProduct = (kb: KnowledgeBase, name: string) =>
  kb.products.find((p) => p.name === name || (p.aliases ?? []).includes(name));
/** "顺丰 SF1001": the parcel as its buyer knows it when we cannot say what was in it. */
const parcelLabel = (s: ShipmentRecord) => [s.carrier, s.externalId].filter(Boolean).join(' ');

export function deliveryCareScenarios(deps: {
  customers: CustomerRepository;
  orders: Pick<OrderRepository, 'findByExternalIds'>;
  shopData: Pick<ShopDataRepositories, 'shipments'>;
}): Scenario[] {
  /**
   * The parcels signed for `afterDays` local days ago, one per buyer (their latest), with the product they held; the
   * parcels of refunded or cancelled orders left out.
   */
  async function signedFor(ctx: ScenarioContext, afterDays: number): Promise<(Parcel & Pick<Candidate, 'customer'>)[]> {
    const zone = merchantZone(ctx.kb.merchant);
    const day = addDays(ctx.day, -afterDays);
    const shipments = await deps.shopData.shipments.deliveredBetween(
      ctx.merchantId,
      startOfLocalDay(day, zone),
      startOfLocalDay(addDays(day, 1), zone),
      MAX_DRAFTS_PER_RUN * 2,
    );
    const orders = new Map(
      (
        await deps.orders.findByExternalIds(ctx.merchantId, [
          ...new Set(shipments.flatMap((s) => (s.orderId ? [s.orderId] : []))),
        ])
      ).map((o) => [o.externalId, o]),
    );
    const latest = new Map<string, Parcel>();
    for (const shipment of shipments) {
      const order = shipment.orderId ? orders.get(shipment.orderId) : undefined;
      if (order && NOT_KEPT.has(order.status)) continue;
      const product = order?.items.map((i) => findProduct(ctx.kb, i.name)).find(Boolean);
      latest.set(String(shipment.customerId), { shipment, product });
    }
    const ids = [...latest.values()].slice(0, MAX_DRAFTS_PER_RUN).map((p) => p.shipment.customerId!);
    const customers = await deps.customers.findManyByIds(ctx.merchantId, ids);
    return ids.flatMap((id) => {
      const customer = customers.get(String(id));
      return customer ? [{ customer, ...latest.get(String(id))! }] : [];
    });
  }

  const deliveryCare: Scenario = {
    key: 'delivery_care',
    // a buyer whose parcels arrive on consecutive days hears once
    repeatAfterDays: 3,
    async find(ctx) {
      const { afterDays } = ctx.settings.delivery_care;
      return (await signedFor(ctx, afterDays)).map(({ customer, shipment, product }) => {
        const what = product ? `您买的${product.name}` : `您的包裹（${parcelLabel(shipment)}）`;
        // how to use and look after it, only as the shop wrote it in the product's attributes
        const care = (product?.attributes ?? []).filter((a) => CARE.test(a.name)).slice(0, 3);
        const lines = care.map((a) => `${a.name}：${a.value}`);
        const tips = lines.length ? `${lines.join('；')}。` : '';
        return {
          customer,
          text: `${call(customer)}，${what}签收${afterDays}天啦，收到了吗？用着还顺手吗？${tips ? `小提示——${tips}` : ''}有任何问题随时找我～`,
          reason: `${parcelLabel(shipment)}签收${afterDays}天${product ? `（${product.name}）` : ''}`,
          citedIds: product ? [`product:${product._id}`] : [],
          // the shop's own lines, set aside as written (a rewrite that changes one is held to the cited product)
          quoted: lines,
        };
      });
    },
  };

  const reviewInvite: Scenario = {
    key: 'review_invite',
    repeatAfterDays: 3,
    async find(ctx) {
      const { afterDays } = ctx.settings.review_invite;
      return (await signedFor(ctx, afterDays)).map(({ customer, shipment, product }) => {
        const what = product ? product.name : `包裹（${parcelLabel(shipment)}）`;
        return {
          customer,
          text: `${call(customer)}，${what}签收${afterDays === 7 ? '一周' : `${afterDays}天`}了，用下来感觉怎么样？满意的话，方便时帮我们写个评价吧；有不满意的地方也请直接告诉我，我们来处理～`,
          reason: `${parcelLabel(shipment)}签收${afterDays}天，邀请评价${product ? `（${product.name}）` : ''}`,
          citedIds: product ? [`product:${product._id}`] : [],
        };
      });
    },
  };

  return [deliveryCare, reviewInvite];
}
