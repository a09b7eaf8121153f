import type { Types } from 'mongoose';
import type { SecretBox } from '../../crypto/secret-box.js';
import { asMerchantId, merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { WecomApp, WecomAppModel } from './wecom-app.model.js';

/** An app with its secrets opened, for the moment they are needed. Never presented, never logged. */
export interface WecomCredentials {
  merchantId: MerchantId;
  corpId: string;
  agentId: number;
  secret: string;
  callbackToken: string;
  encodingAesKey: string;
  kfAccounts: { openKfId: string; name: string }[];
  welcomeTemplates: { channel: string; text: string }[];
}

export interface WecomAppInput {
  corpId: string;
  agentId: number;
  secret: string;
  callbackToken: string;
  encodingAesKey: string;
  kfAccounts?: { openKfId: string; name: string }[];
  welcomeTemplates?: { channel: string; text: string }[];
}

type WecomAppRecord = WecomApp & { _id: Types.ObjectId };

const CACHE_MS = 5000;

export class WecomAppRepository {
  private byCorp = new Map<string, { value: WecomCredentials | null; until: number }>();

  constructor(
    private model: WecomAppModel,
    private secrets: SecretBox,
  ) {}

  private open(app: WecomAppRecord | null): WecomCredentials | null {
    if (!app) return null;
    return {
      merchantId: asMerchantId(app.merchantId),
      corpId: app.corpId,
      agentId: app.agentId,
      secret: this.secrets.open(app.secretSealed),
      callbackToken: this.secrets.open(app.callbackTokenSealed),
      encodingAesKey: this.secrets.open(app.encodingAesKeySealed),
      kfAccounts: app.kfAccounts,
      welcomeTemplates: app.welcomeTemplates,
    };
  }

  /**
   * Tenant resolution for callbacks: the corp in the URL decides the merchant. Every callback needs it, so the opened
   * credentials are kept in this process for a few seconds (a read-through copy of MongoDB, never a source of truth:
   * a changed secret is seen everywhere within CACHE_MS).
   */
  async findByCorpId(corpId: string): Promise<WecomCredentials | null> {
    const hit = this.byCorp.get(corpId);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = this.open(await this.model.findOne({ corpId }).lean<WecomAppRecord>().exec());
    if (this.byCorp.size > 10_000) this.byCorp.clear();
    this.byCorp.set(corpId, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  async findByMerchant(merchantId: MerchantId): Promise<WecomCredentials | null> {
    return this.open(
      await this.model
        .findOne({ merchantId: merchantObjectId(merchantId) })
        .lean<WecomAppRecord>()
        .exec(),
    );
  }

  /** Every merchant with WeCom connected: the fan-out list of per-merchant scans. */
  async merchantIds(): Promise<MerchantId[]> {
    return (await this.model.find({}, { merchantId: 1 }).lean().exec()).map((a) => asMerchantId(a.merchantId));
  }

  async save(merchantId: MerchantId, input: WecomAppInput): Promise<void> {
    await this.model.updateOne(
      { merchantId: merchantObjectId(merchantId) },
      {
        $set: {
          corpId: input.corpId,
          agentId: input.agentId,
          secretSealed: this.secrets.seal(input.secret),
          callbackTokenSealed: this.secrets.seal(input.callbackToken),
          encodingAesKeySealed: this.secrets.seal(input.encodingAesKey),
          kfAccounts: input.kfAccounts ?? [],
          welcomeTemplates: input.welcomeTemplates ?? [],
        },
      },
      { upsert: true },
    );
    this.byCorp.delete(input.corpId);
  }
}
