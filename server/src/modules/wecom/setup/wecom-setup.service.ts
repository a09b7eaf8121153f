// The owner connects the shop's self-built WeCom app (seed 001's SOP, way 1): the corp ID, AgentId and Secret are
// checked with WeCom before they are stored (sealed); the callback Token and EncodingAESKey are generated here;
// the page learns what to paste where, and when WeCom verified the callback URL; the owner picks the 微信客服
// accounts the bot serves. Every change of credentials lands in the merchant's audit list with who made it.
import type { WecomAppCredentialsInput } from '@xiaoer/common/schemas/wecom-setup';
import { AppError, conflict } from '../../../errors/app-error.js';
import type { Logger } from '../../../logging/logger.js';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { WecomClient } from '../api/wecom-client.js';
import { explainWecomFailure, WecomApiError, WecomTransportError } from '../api/wecom-errors.js';
import { callbackUrlOf } from '../callback/callback-self-test.js';
import type { WecomAppRepository, WecomCredentials, WecomSetupRecord } from '../wecom-app.repository.js';
import { generateCallbackKeys } from './callback-keys.js';
import type { SuiteAuthorisationService } from '../suite/suite-authorisation.service.js';
import type { KfAccount, SetupApi } from './setup-api.js';
import { WECOM_ACTOR, WECOM_AUDIT, type SetupActor, type SetupAuditLog } from './setup-audit.js';
import {
  AGENCY_KEYS_MESSAGE,
  EGRESS_UNKNOWN,
  KF_API_OVERRIDES,
  MANAGE_KF_FIX,
  NO_APP_MESSAGE,
  notAuthorisedKf,
} from './setup-texts.js';

export interface WecomSetupDeps {
  apps: WecomAppRepository;
  client: WecomClient;
  api: SetupApi;
  /** the last event WeCom delivered (InboxRepository) */
  inbox: { lastReceivedAt(merchantId: MerchantId): Promise<Date | null> };
  audit: SetupAuditLog;
  /** the server's egress addresses as configured (EGRESS_IPS) */
  egressIps: string[];
  logger: Logger;
  /** way 2 (服务商代开发), where the operator configured a template */
  agency?: Pick<SuiteAuthorisationService, 'status'>;
}

export interface SetupPaste {
  callbackUrl: string | null;
  trustedDomain: string;
  egressIps: string[];
  egressIpsNote?: string;
}

export interface SetupView {
  app: WecomSetupRecord | null;
  paste: SetupPaste;
  lastEventAt: Date | null;
  agency: { available: boolean; pendingUntil: Date | null; failure: string | null };
}

export interface KfAccountChoice extends KfAccount {
  served: boolean;
}

/** The errcodes that say which of the typed fields is wrong. */
const IDENTITY_FIELDS: Record<number, keyof WecomAppCredentialsInput> = {
  40013: 'corpId',
  40001: 'secret',
  40056: 'agentId',
  301002: 'agentId',
};

export class WecomSetupService {
  constructor(private d: WecomSetupDeps) {}

  /** What to paste where: built from PUBLIC_URL (never a request's Host) and the configured egress addresses. */
  paste(corpId: string | undefined, publicUrl: string): SetupPaste {
    return {
      callbackUrl: corpId ? callbackUrlOf(publicUrl, corpId) : null,
      trustedDomain: new URL(publicUrl).host,
      egressIps: this.d.egressIps,
      ...(this.d.egressIps.length === 0 && { egressIpsNote: EGRESS_UNKNOWN }),
    };
  }

  async view(merchantId: MerchantId, publicUrl: string): Promise<SetupView> {
    const [app, lastEventAt, agency] = await Promise.all([
      this.d.apps.findSetup(merchantId),
      this.d.inbox.lastReceivedAt(merchantId),
      this.d.agency?.status(merchantId),
    ]);
    return {
      app,
      lastEventAt,
      paste: this.paste(app?.corpId, publicUrl),
      agency: { available: this.d.agency !== undefined, pendingUntil: null, failure: null, ...agency },
    };
  }

  /**
   * Saves what the owner typed, once WeCom has not refused it: a wrong corp ID, Secret or AgentId is a 400 naming
   * the field with the fix, and nothing is stored. Whatever WeCom cannot tell yet (calls refused until 企业可信IP is
   * set, WeCom unreachable) does not stop the save: the checks report it.
   */
  async saveApp(merchantId: MerchantId, actor: SetupActor, input: WecomAppCredentialsInput): Promise<void> {
    const current = await this.d.apps.findByMerchant(merchantId);
    const secret = input.secret ?? current?.secret;
    if (!secret) throw new AppError('validation_failed', { fields: { secret: '请填写应用的 Secret' } });
    const changed = {
      corpId: current?.corpId !== input.corpId,
      agentId: current?.agentId !== input.agentId,
      secret: current?.secret !== secret,
    };
    if (current && !changed.corpId && !changed.agentId && !changed.secret) return;
    const candidate: WecomCredentials = {
      merchantId,
      corpId: input.corpId,
      agentId: input.agentId,
      secret,
      callbackToken: '',
      encodingAesKey: '',
      kfAccounts: [],
      welcomeTemplates: [],
    };
    await this.refuseWrongIdentity(candidate);
    const saved = await this.d.apps.saveCredentials(
      merchantId,
      { corpId: input.corpId, agentId: input.agentId, ...(changed.secret && { secret }) },
      generateCallbackKeys(),
      // the callback URL names the corp: WeCom must verify the new one
      { forgetVerification: current !== null && changed.corpId },
    );
    if (saved === 'corp_taken') throw conflict('这个企业微信已经接入了另一个小二商户。如需迁移，请联系小二服务商');
    if (current && changed.secret) await this.d.client.forgetToken(current);
    const record = (action: string, target?: string) =>
      this.d.audit.record(merchantId, { actor, action, ...(target && { target }) });
    if (!current) {
      await record(WECOM_AUDIT.connected, input.corpId);
      await record(WECOM_AUDIT.callbackKeysGenerated);
      return;
    }
    if (changed.corpId) await record(WECOM_AUDIT.corpIdChanged, input.corpId);
    if (changed.agentId) await record(WECOM_AUDIT.agentIdChanged, String(input.agentId));
    if (changed.secret) await record(WECOM_AUDIT.secretChanged);
  }

  private async refuseWrongIdentity(candidate: WecomCredentials): Promise<void> {
    try {
      await this.d.api.agentWithFreshToken(candidate);
    } catch (err) {
      const field = err instanceof WecomApiError ? IDENTITY_FIELDS[err.errcode] : undefined;
      if (field) {
        const { message, fix } = explainWecomFailure(err);
        throw new AppError('validation_failed', { message, fields: { [field]: `${message}。${fix}` } });
      }
      if (!(err instanceof WecomApiError || err instanceof WecomTransportError)) throw err;
      this.d.logger.info({ err: err.message }, 'wecom setup: credentials saved unconfirmed');
    }
  }

  /** New callback keys, e.g. after they leaked: the owner pastes them again and WeCom verifies the URL again. */
  async regenerateCallbackKeys(merchantId: MerchantId, actor: SetupActor): Promise<void> {
    if (!(await this.d.apps.replaceCallbackKeys(merchantId, generateCallbackKeys()))) {
      const agency = (await this.d.apps.findSetup(merchantId))?.mode === 'agency';
      throw conflict(agency ? AGENCY_KEYS_MESSAGE : NO_APP_MESSAGE);
    }
    await this.d.audit.record(merchantId, { actor, action: WECOM_AUDIT.callbackKeysGenerated });
  }

  /** WeCom verified the callback URL (intake saw its signed echostr): recorded for the setup page and the audit list. */
  async urlVerified(app: WecomCredentials, at = new Date()): Promise<void> {
    const merchantId = await this.d.apps.markCallbackVerified(app.corpId, app.callbackToken, at);
    if (merchantId)
      await this.d.audit.record(merchantId, { actor: WECOM_ACTOR, action: WECOM_AUDIT.callbackVerified }, at);
  }

  private async app(merchantId: MerchantId): Promise<WecomCredentials> {
    const app = await this.d.apps.findByMerchant(merchantId);
    if (!app) throw conflict(NO_APP_MESSAGE);
    return app;
  }

  /** The corp's 微信客服 accounts as WeCom lists them, or why WeCom would not list them. */
  async kfAccounts(
    merchantId: MerchantId,
  ): Promise<{ accounts: KfAccountChoice[]; problem?: { message: string; fix: string } }> {
    const app = await this.app(merchantId);
    try {
      const served = new Set(app.kfAccounts.map((k) => k.openKfId));
      return {
        accounts: (await this.d.api.kfAccounts(app)).map((a) => ({ ...a, served: served.has(a.openKfId) })),
      };
    } catch (err) {
      if (!(err instanceof WecomApiError || err instanceof WecomTransportError)) throw err;
      return { accounts: [], problem: explainWecomFailure(err, KF_API_OVERRIDES) };
    }
  }

  /** The accounts the bot serves: each one the app may manage, named as WeCom names it. */
  async chooseKfAccounts(merchantId: MerchantId, actor: SetupActor, openKfIds: string[]): Promise<void> {
    const app = await this.app(merchantId);
    let chosen: { openKfId: string; name: string }[] = [];
    if (openKfIds.length) {
      const listed = await this.d.api.kfAccounts(app).catch((err: unknown) => {
        if (err instanceof WecomTransportError)
          throw new AppError('service_unavailable', { message: '暂时无法连接企业微信，请稍后重试' });
        if (!(err instanceof WecomApiError)) throw err;
        const { message, fix } = explainWecomFailure(err, KF_API_OVERRIDES);
        throw conflict(`${message}。${fix}`);
      });
      const byId = new Map(listed.map((a) => [a.openKfId, a]));
      const fields: Record<string, string> = {};
      openKfIds.forEach((id, i) => {
        const account = byId.get(id);
        if (!account) fields[`openKfIds.${i}`] = '企业微信里没有这个客服账号，请刷新列表后重新选择';
        else if (!account.managePrivilege)
          fields[`openKfIds.${i}`] = `${notAuthorisedKf(account.name)}。${MANAGE_KF_FIX}`;
      });
      if (Object.keys(fields).length)
        throw new AppError('validation_failed', { message: '有客服账号不能由小二接待', fields });
      chosen = openKfIds.map((id) => ({ openKfId: id, name: byId.get(id)!.name }));
    }
    const before = app.kfAccounts.map((k) => k.openKfId).sort();
    await this.d.apps.setKfAccounts(merchantId, chosen);
    if (before.join() !== [...openKfIds].sort().join())
      await this.d.audit.record(merchantId, { actor, action: WECOM_AUDIT.kfAccountsChanged });
  }
}
