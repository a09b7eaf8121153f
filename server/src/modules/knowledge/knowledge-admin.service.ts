// Editing the shop's knowledge (FAQ, policies, products): every write is scoped to the merchant, recorded in the
// change history, and makes every process rebuild its knowledge index.
import type { FaqInput, PolicyInput, ProductInput, ScriptInput } from '@xiaoer/common/schemas/knowledge';
import { Types, type Model } from 'mongoose';
import { notFound } from '../../errors/app-error.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Session } from '../../auth/session.js';
import type { KnowledgeBaseService } from './knowledge-base.service.js';
import type { KnowledgeChange, KnowledgeChangeModel } from './knowledge-change.model.js';

export type Entity = KnowledgeChange['entity'];

const strip = ({ _id, merchantId: _m, __v, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => ({
  id: String(_id),
  ...rest,
});

/** Products are typed in yuan and stored in fen. */
const productToStored = (p: ProductInput) => ({
  ...p,
  price: Math.round(p.price * 100),
  specs: p.specs.map((g) => ({
    ...g,
    options: g.options.map((o) => ({ ...o, priceDelta: Math.round(o.priceDelta * 100) })),
  })),
});

export class KnowledgeAdminService {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one handle per entity until these move behind repositories
  private models: Record<Entity, Model<any>>;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one handle per entity until these move behind repositories
    models: Record<Entity, Model<any>>,
    private history: KnowledgeChangeModel,
    private knowledge: KnowledgeBaseService,
  ) {
    this.models = models;
  }

  async list(merchantId: MerchantId, entity: Entity) {
    const rows = await this.models[entity]
      .find({ merchantId: merchantObjectId(merchantId) })
      .sort({ updatedAt: -1 })
      .lean()
      .exec();
    return rows.map((r) => strip(r as Record<string, unknown>));
  }

  private stored(entity: Entity, input: FaqInput | PolicyInput | ProductInput | ScriptInput) {
    return entity === 'product' ? productToStored(input as ProductInput) : input;
  }

  async create(session: Session, entity: Entity, input: FaqInput | PolicyInput | ProductInput | ScriptInput) {
    const doc = await this.models[entity].create({
      ...this.stored(entity, input),
      merchantId: merchantObjectId(session.merchantId),
    });
    const after = doc.toObject();
    await this.record(session, entity, doc._id, 'create', undefined, after);
    return strip(after);
  }

  async update(
    session: Session,
    entity: Entity,
    id: string,
    input: FaqInput | PolicyInput | ProductInput | ScriptInput,
  ) {
    const filter = { _id: new Types.ObjectId(id), merchantId: merchantObjectId(session.merchantId) };
    const before = await this.models[entity]
      .findOneAndUpdate(filter, { $set: this.stored(entity, input) })
      .lean()
      .exec();
    if (!before) throw notFound('没有找到这条资料');
    const after = await this.models[entity].findOne(filter).lean().exec();
    await this.record(
      session,
      entity,
      filter._id,
      'update',
      before as Record<string, unknown>,
      after as Record<string, unknown>,
    );
    return strip(after as Record<string, unknown>);
  }

  async remove(session: Session, entity: Entity, id: string): Promise<void> {
    const filter = { _id: new Types.ObjectId(id), merchantId: merchantObjectId(session.merchantId) };
    const before = await this.models[entity].findOneAndDelete(filter).lean().exec();
    if (!before) throw notFound('没有找到这条资料');
    await this.record(session, entity, filter._id, 'delete', before as Record<string, unknown>, undefined);
  }

  async changes(merchantId: MerchantId, limit = 50) {
    const rows = await this.history
      .find({ merchantId: merchantObjectId(merchantId) })
      .sort({ at: -1 })
      .limit(limit)
      .lean()
      .exec();
    return rows.map((r) => ({
      entity: r.entity,
      entityId: String(r.entityId),
      action: r.action,
      staffId: String(r.staffId),
      before: r.before,
      after: r.after,
      at: r.at.toISOString(),
    }));
  }

  private async record(
    session: Session,
    entity: Entity,
    entityId: Types.ObjectId,
    action: KnowledgeChange['action'],
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ) {
    await this.history.create({
      merchantId: merchantObjectId(session.merchantId),
      entity,
      entityId,
      action,
      staffId: new Types.ObjectId(session.staffId),
      before: before && strip(before),
      after: after && strip(after),
      at: new Date(),
    });
    await this.knowledge.changed(session.merchantId);
  }
}
