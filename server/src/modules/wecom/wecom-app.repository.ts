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

export class WecomAppRepository {
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

  /** Tenant resolution for callbacks: the corp in the URL decides the merchant. */
  async findByCorpId(corpId: string): Promise<WecomCredentials | null> {
    return this.open(await this.model.findOne({ corpId }).lean<WecomAppRecord>().exec());
  }

  async findByMerchant(merchantId: MerchantId): Promise<WecomCredentials | null> {
    return this.open(await this.model.findOne({ merchantId: merchantObjectId(merchantId) }).lean<WecomAppRecord>().exec());
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
  }
}
