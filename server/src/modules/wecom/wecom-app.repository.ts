import type { Types, UpdateQuery } from 'mongoose';
import type { SecretBox } from '../../crypto/secret-box.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { asMerchantId, merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { WecomApp, WecomAppMode, WecomAppModel } from './wecom-app.model.js';

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

/** The app for the owner's setup page: never the Secret itself. */
export interface WecomSetupRecord {
  mode: WecomAppMode;
  corpId: string;
  corpName: string | null;
  agentId: number;
  secretHint: string;
  /** way 1 only: the owner pastes them into WeCom; way 2's are the operator's template keys, never shown */
  callbackToken?: string;
  encodingAesKey?: string;
  disabledAt: Date | null;
  kfAccounts: { openKfId: string; name: string }[];
  callbackVerifiedAt: Date | null;
  updatedAt: Date;
}

const CACHE_MS = 5000;
/** A cancelled authorisation (cancel_auth) leaves the app stored but not in use: no sends, no syncs, no callbacks. */
const ACTIVE = { disabledAt: { $exists: false } };

export interface AgencyAppInput {
  corpId: string;
  corpName: string;
  agentId: number;
  permanentCode: string;
  /** the template's callback Token and EncodingAESKey: WeCom signs the app's data callbacks with them */
  callbackToken: string;
  encodingAesKey: string;
}

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
    const value = this.open(
      await this.model
        .findOne({ corpId, ...ACTIVE })
        .lean<WecomAppRecord>()
        .exec(),
    );
    if (this.byCorp.size > 10_000) this.byCorp.clear();
    this.byCorp.set(corpId, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  /** The merchant's app in use (null when none, or when its authorisation was cancelled). */
  async findByMerchant(merchantId: MerchantId): Promise<WecomCredentials | null> {
    return this.open(
      await this.model
        .findOne({ merchantId: merchantObjectId(merchantId), ...ACTIVE })
        .lean<WecomAppRecord>()
        .exec(),
    );
  }

  /** Every merchant with WeCom connected: the fan-out list of per-merchant scans. */
  async merchantIds(): Promise<MerchantId[]> {
    return (await this.model.find(ACTIVE, { merchantId: 1 }).lean().exec()).map((a) => asMerchantId(a.merchantId));
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

  /**
   * The app as the owner's setup page shows it: the callback Token and EncodingAESKey opened (the owner pastes them
   * into WeCom), the Secret only as its last four characters.
   */
  async findSetup(merchantId: MerchantId): Promise<WecomSetupRecord | null> {
    const app = await this.model
      .findOne({ merchantId: merchantObjectId(merchantId) })
      .lean<WecomAppRecord>()
      .exec();
    if (!app) return null;
    const mode = app.mode ?? 'self_built';
    return {
      mode,
      corpId: app.corpId,
      corpName: app.corpName ?? null,
      agentId: app.agentId,
      secretHint: `••••••${this.secrets.open(app.secretSealed).slice(-4)}`,
      ...(mode === 'self_built' && {
        callbackToken: this.secrets.open(app.callbackTokenSealed),
        encodingAesKey: this.secrets.open(app.encodingAesKeySealed),
      }),
      disabledAt: app.disabledAt ?? null,
      kfAccounts: app.kfAccounts,
      callbackVerifiedAt: app.callbackVerifiedAt ?? null,
      updatedAt: app.updatedAt,
    };
  }

  /**
   * The owner's corp ID, AgentId and, when given, Secret (else the saved one stays). The first save stores the
   * generated callback keys; `forgetVerification` drops WeCom's verification (the callback URL moved with the corp).
   * `corp_taken`: another merchant has connected this corp.
   */
  async saveCredentials(
    merchantId: MerchantId,
    input: { corpId: string; agentId: number; secret?: string },
    firstKeys: { callbackToken: string; encodingAesKey: string },
    options: { forgetVerification: boolean },
  ): Promise<'saved' | 'corp_taken'> {
    // A former 代开发 app carries the operator's template keys: the owner's own app gets its own keys in the same
    // write that makes it self-built, so the template's keys are never shown as the owner's, not even for a moment.
    const current = await this.model
      .findOne({ merchantId: merchantObjectId(merchantId) })
      .select('mode')
      .lean<Pick<WecomApp, 'mode'>>()
      .exec();
    const fromAgency = current?.mode === 'agency';
    const ownKeys = {
      callbackTokenSealed: this.secrets.seal(firstKeys.callbackToken),
      encodingAesKeySealed: this.secrets.seal(firstKeys.encodingAesKey),
    };
    const before = await this.upsert(merchantId, input.corpId, {
      $set: {
        mode: 'self_built',
        corpId: input.corpId,
        agentId: input.agentId,
        ...(input.secret !== undefined && { secretSealed: this.secrets.seal(input.secret) }),
        ...(fromAgency && ownKeys),
      },
      $setOnInsert: { ...ownKeys, kfAccounts: [], welcomeTemplates: [] },
      $unset: {
        disabledAt: 1,
        corpName: 1,
        ...((options.forgetVerification || fromAgency) && { callbackVerifiedAt: 1 }),
      },
    });
    return before === 'corp_taken' ? before : 'saved';
  }

  /**
   * The merchant's app updated (or created), its corp's cached credentials dropped: the app as it was before, or
   * `corp_taken` when another merchant has connected the corp (the unique corp index refused it).
   */
  private async upsert(
    merchantId: MerchantId,
    corpId: string,
    update: UpdateQuery<WecomApp>,
  ): Promise<WecomAppRecord | null | 'corp_taken'> {
    try {
      const before = await this.model
        .findOneAndUpdate({ merchantId: merchantObjectId(merchantId) }, update, {
          upsert: true,
          returnDocument: 'before',
        })
        .lean<WecomAppRecord>()
        .exec();
      if (before) this.byCorp.delete(before.corpId);
      this.byCorp.delete(corpId);
      return before;
    } catch (err) {
      if (isDuplicateKey(err) && (err as { keyPattern?: Record<string, unknown> }).keyPattern?.corpId)
        return 'corp_taken';
      throw err;
    }
  }

  /**
   * New callback keys: WeCom must verify the URL again with them. False when the merchant has no self-built app — a
   * 代开发 app's keys are the operator's template keys, which every such shop shares and no owner may replace.
   */
  async replaceCallbackKeys(
    merchantId: MerchantId,
    keys: { callbackToken: string; encodingAesKey: string },
  ): Promise<boolean> {
    const app = await this.model
      .findOneAndUpdate(
        { merchantId: merchantObjectId(merchantId), mode: { $ne: 'agency' } },
        {
          $set: {
            callbackTokenSealed: this.secrets.seal(keys.callbackToken),
            encodingAesKeySealed: this.secrets.seal(keys.encodingAesKey),
          },
          $unset: { callbackVerifiedAt: 1 },
        },
      )
      .lean<WecomAppRecord>()
      .exec();
    if (app) this.byCorp.delete(app.corpId);
    return app !== null;
  }

  /**
   * WeCom verified the corp's callback URL signed with `callbackToken`: recorded only while that is still the saved
   * Token (keys replaced in between make the verification stale). The merchant whose app it is, or null.
   */
  async markCallbackVerified(corpId: string, callbackToken: string, at: Date): Promise<MerchantId | null> {
    const app = await this.model
      .findOne({ corpId }, { merchantId: 1, callbackTokenSealed: 1 })
      .lean<Pick<WecomAppRecord, '_id' | 'merchantId' | 'callbackTokenSealed'>>()
      .exec();
    if (!app || this.secrets.open(app.callbackTokenSealed) !== callbackToken) return null;
    const res = await this.model
      .updateOne(
        { _id: app._id, callbackTokenSealed: app.callbackTokenSealed },
        { $set: { callbackVerifiedAt: at } },
        // a verification is no change of the app's settings
        { timestamps: false },
      )
      .exec();
    return res.matchedCount ? asMerchantId(app.merchantId) : null;
  }

  /** The 微信客服 accounts the bot serves. False when the merchant has no app. */
  async setKfAccounts(merchantId: MerchantId, accounts: { openKfId: string; name: string }[]): Promise<boolean> {
    const app = await this.model
      .findOneAndUpdate({ merchantId: merchantObjectId(merchantId) }, { $set: { kfAccounts: accounts } })
      .lean<WecomAppRecord>()
      .exec();
    if (app) this.byCorp.delete(app.corpId);
    return app !== null;
  }

  /** The welcome texts per channel (sent when a customer adds the shop), or null when the merchant has no app. */
  async welcomeTexts(merchantId: MerchantId): Promise<{ channel: string; text: string }[] | null> {
    const app = await this.model
      .findOne({ merchantId: merchantObjectId(merchantId) }, { welcomeTemplates: 1 })
      .lean<Pick<WecomAppRecord, 'welcomeTemplates'>>()
      .exec();
    return app ? app.welcomeTemplates.map(({ channel, text }) => ({ channel, text })) : null;
  }

  /** Replaces the welcome texts. False when the merchant has no app. */
  async setWelcomeTexts(merchantId: MerchantId, texts: { channel: string; text: string }[]): Promise<boolean> {
    const app = await this.model
      .findOneAndUpdate({ merchantId: merchantObjectId(merchantId) }, { $set: { welcomeTemplates: texts } })
      .lean<WecomAppRecord>()
      .exec();
    if (app) this.byCorp.delete(app.corpId);
    return app !== null;
  }

  /**
   * Way 2: the app the admin authorised, filled from WeCom's grant — the permanent code as the Secret, the
   * template's callback keys — replacing whatever the merchant had (a cancelled authorisation comes back enabled).
   * `corp_taken`: the corp is another merchant's.
   */
  async saveAgency(merchantId: MerchantId, input: AgencyAppInput): Promise<'saved' | 'corp_taken'> {
    const before = await this.upsert(merchantId, input.corpId, {
      $set: {
        mode: 'agency',
        corpId: input.corpId,
        corpName: input.corpName,
        agentId: input.agentId,
        secretSealed: this.secrets.seal(input.permanentCode),
        callbackTokenSealed: this.secrets.seal(input.callbackToken),
        encodingAesKeySealed: this.secrets.seal(input.encodingAesKey),
      },
      $setOnInsert: { kfAccounts: [], welcomeTemplates: [] },
      $unset: { disabledAt: 1, callbackVerifiedAt: 1 },
    });
    return before === 'corp_taken' ? before : 'saved';
  }

  /** The merchant whose 代开发 app this corp's is (in use or not), with its AgentId and permanent code. */
  async findAgencyByCorp(
    corpId: string,
  ): Promise<{ merchantId: MerchantId; agentId: number; permanentCode: string } | null> {
    const app = await this.model.findOne({ corpId, mode: 'agency' }).lean<WecomAppRecord>().exec();
    if (!app) return null;
    return {
      merchantId: asMerchantId(app.merchantId),
      agentId: app.agentId,
      permanentCode: this.secrets.open(app.secretSealed),
    };
  }

  /** change_auth: the corp's name and the app's AgentId as WeCom reports them now. */
  async updateAgencyInfo(corpId: string, info: { corpName: string; agentId: number }): Promise<void> {
    await this.model
      .updateOne({ corpId, mode: 'agency' }, { $set: { corpName: info.corpName, agentId: info.agentId } })
      .exec();
    this.byCorp.delete(corpId);
  }

  /**
   * cancel_auth: the 代开发 app is kept but no longer used — every lookup of apps in use leaves it out, so nothing
   * is sent, synced or accepted for the merchant. The merchant, or null when the corp has no enabled 代开发 app.
   */
  async disableAgency(corpId: string, at: Date): Promise<MerchantId | null> {
    const app = await this.model
      .findOneAndUpdate({ corpId, mode: 'agency', ...ACTIVE }, { $set: { disabledAt: at } })
      .lean<WecomAppRecord>()
      .exec();
    this.byCorp.delete(corpId);
    return app ? asMerchantId(app.merchantId) : null;
  }
}
