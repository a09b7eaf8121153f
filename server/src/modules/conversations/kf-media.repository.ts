import { Types } from 'mongoose';
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfMedia, KfMediaModel } from './kf-media.model.js';

/** What a conversation lists about a message's media: everything but the bytes. */
export type KfMediaSummary = Omit<KfMedia, 'merchantId' | 'data' | 'playable'>;

export class KfMediaRepository extends TenantRepository<KfMedia> {
  constructor(model: KfMediaModel) {
    super(model);
  }

  /** Stores the outcome of a fetch once: false when this message's media was already stored (a retry, a duplicate). */
  save(merchantId: MerchantId, media: Omit<KfMedia, 'merchantId'>): Promise<boolean> {
    return insertedOnce(() => this.insertOne(merchantId, media));
  }

  async summary(merchantId: MerchantId, messageId: string | Types.ObjectId): Promise<KfMediaSummary | null> {
    return (await this.summaries(merchantId, [messageId]))[0] ?? null;
  }

  /** Several messages' media at once, without their bytes (a conversation's list). */
  summaries(merchantId: MerchantId, messageIds: (string | Types.ObjectId)[]): Promise<KfMediaSummary[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.model
      .find(this.scoped(merchantId, { messageId: { $in: messageIds.map((id) => new Types.ObjectId(id)) } }), {
        data: 0,
        playable: 0,
      })
      .lean<KfMediaSummary[]>()
      .exec();
  }

  /** The bytes of one rendering (as sent, or playable), with their type; null for another merchant's message. */
  async content(
    merchantId: MerchantId,
    messageId: string,
    variant: 'original' | 'playable',
  ): Promise<Pick<KfMedia, 'kind' | 'contentType' | 'data' | 'playable'> | null> {
    const found = await this.model
      .findOne(this.scoped(merchantId, { messageId: new Types.ObjectId(messageId), status: 'stored' }), {
        kind: 1,
        contentType: 1,
        [variant === 'playable' ? 'playable' : 'data']: 1,
      })
      .lean<Pick<KfMedia, 'kind' | 'contentType' | 'data' | 'playable'>>()
      .exec();
    return found && { ...found, data: asBuffer(found.data), playable: asBuffer(found.playable) };
  }
}

/** A lean read gives BSON's Binary, not a Buffer: its bytes are its `buffer`. */
function asBuffer(value: unknown): Buffer | undefined {
  if (value == null) return undefined;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  const bytes = (value as { buffer?: unknown }).buffer;
  return bytes instanceof Uint8Array ? Buffer.from(bytes) : undefined;
}
