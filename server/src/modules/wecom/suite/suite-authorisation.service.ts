// Way 2 (服务商代开发): the owner asks for an authorisation link bound to the shop by a single-use State; the WeCom
// admin opens it and scans; WeCom pushes create_auth (AuthCode, State), which a job exchanges for the permanent code
// (service/get_permanent_code) and turns into the shop's WeCom app — the permanent code as its Secret, sealed, the
// template's callback keys for its data callbacks — with no secret typed or shown. change_auth reads the grant again;
// cancel_auth disables the app (kept, not deleted: nothing is sent or synced until the admin authorises again).
// Every step lands in the shop's audit list with who did it.
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { WecomSuiteConfig } from '../../../config/env.js';
import type { SecretBox } from '../../../crypto/secret-box.js';
import { AppError, conflict } from '../../../errors/app-error.js';
import type { Logger } from '../../../logging/logger.js';
import { asMerchantId, type MerchantId } from '../../../tenancy/merchant-id.js';
import type { WecomClient } from '../api/wecom-client.js';
import { WecomApiError, WecomTransportError } from '../api/wecom-errors.js';
import { randomAlnum } from '../setup/callback-keys.js';
import { WECOM_ACTOR, WECOM_AUDIT, type SetupActor, type SetupAuditLog } from '../setup/setup-audit.js';
import type { WecomAppRepository } from '../wecom-app.repository.js';
import type { PermanentCodeGrant, SuiteApi } from './suite-api.js';
import type { SuiteAuthorisationRepository } from './suite-authorisation.repository.js';
import type { SuiteInstructionRecord, SuiteInstructionRepository } from './suite-instruction.repository.js';

/** Where WeCom sends the admin back after authorising (suite-callback.routes.ts). */
export const INSTALLED_PATH = '/wecom/suite/installed';
/** WeCom's authorisation page; the admin scans the QR it shows with WeCom. */
export const INSTALL_PAGE = 'https://open.work.weixin.qq.com/3rdapp/install';
/** how long a worker holds an instruction; WeCom calls time out well within it */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 6;
const retryDelayMs = (attempts: number) => Math.min(5 * 60_000, 2000 * 2 ** attempts);
/** the temporary auth code is dead (used, expired, or not WeCom's): retrying cannot help */
const AUTH_CODE_DEAD = new Set([40078, 40058]);

export const AGENCY_TEXTS = {
  unavailable: '小二服务商还没有开通扫码授权，请用方式一（自建应用）连接',
  corpTaken: '这个企业微信已经接入了另一个小二商户，没有连接到本店。如需迁移，请联系小二服务商',
  codeDead: '企业微信的授权码已失效，没有连接成功。请重新生成授权二维码，让管理员再扫一次',
  failed: '连接企业微信没有成功，请重新生成授权二维码再试；一直这样请联系小二服务商',
} as const;

export interface SuiteAuthorisationDeps {
  suite: WecomSuiteConfig;
  api: SuiteApi;
  apps: WecomAppRepository;
  authorisations: SuiteAuthorisationRepository;
  instructions: SuiteInstructionRepository;
  client: Pick<WecomClient, 'forgetToken'>;
  secrets: SecretBox;
  audit: SetupAuditLog;
  logger: Logger;
}

type Outcome = { status: 'done' | 'ignored' | 'failed'; note?: string; merchantId?: MerchantId };

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** A WeCom failure worth another attempt: WeCom busy or unreachable, or our ticket not pushed yet. */
const isTransient = (err: unknown) =>
  err instanceof WecomTransportError ||
  (err instanceof WecomApiError && [-1, 45009, 45033, 40085].includes(err.errcode)) ||
  (err instanceof AppError && err.code === 'service_unavailable');

export class SuiteAuthorisationService {
  constructor(private d: SuiteAuthorisationDeps) {}

  /**
   * A new link for the shop's WeCom admin: a pre-auth code set up for this authorisation, and a State that names
   * this shop (only its hash is stored; the link asked for before no longer counts).
   */
  async installLink(
    merchantId: MerchantId,
    actor: SetupActor,
    publicUrl: string,
  ): Promise<{ url: string; qrImage: string; expiresAt: Date }> {
    let pre: { preAuthCode: string; expiresIn: number };
    try {
      pre = await this.d.api.preAuthCode();
    } catch (err) {
      if (err instanceof WecomTransportError)
        throw new AppError('service_unavailable', { message: '暂时无法连接企业微信，请稍后重试', reportable: false });
      if (err instanceof WecomApiError) {
        // the operator's template is misconfigured (40080 secret, 40083 id, 40085 ticket...): theirs to fix
        this.d.logger.error({ errcode: err.errcode, path: err.path }, 'wecom suite: WeCom refused the template');
        throw new AppError('service_unavailable', {
          message: `企业微信拒绝了小二的代开发模板（错误码 ${err.errcode}），请联系小二服务商`,
          reportable: false,
        });
      }
      throw err;
    }
    const state = randomAlnum(32);
    const expiresAt = new Date(Date.now() + Math.min(pre.expiresIn, 1200) * 1000);
    await this.d.authorisations.open(merchantId, { stateHash: hashState(state), requestedBy: actor, expiresAt });
    const url = new URL(INSTALL_PAGE);
    url.searchParams.set('suite_id', this.d.suite.suiteId);
    url.searchParams.set('pre_auth_code', pre.preAuthCode);
    // after authorising, WeCom brings the admin back here with the temporary code (when it pushes no create_auth)
    url.searchParams.set('redirect_uri', `${publicUrl}${INSTALLED_PATH}`);
    url.searchParams.set('state', state);
    await this.d.audit.record(merchantId, { actor, action: WECOM_AUDIT.agencyLinkCreated });
    const qrImage = await QRCode.toDataURL(url.toString(), { margin: 1, width: 240 });
    return { url: url.toString(), qrImage, expiresAt };
  }

  /** A link with this State is waiting for its authorisation. */
  isPending(state: string): Promise<boolean> {
    return this.d.authorisations.isPending(hashState(state));
  }

  /** The latest link's state for the setup page. */
  async status(merchantId: MerchantId): Promise<{ pendingUntil: Date | null; failure: string | null }> {
    const latest = await this.d.authorisations.latest(merchantId);
    const pending = latest && ['pending', 'claimed'].includes(latest.status) && latest.expiresAt > new Date();
    return {
      pendingUntil: pending ? latest.expiresAt : null,
      failure: latest?.status === 'failed' ? (latest.failure ?? AGENCY_TEXTS.failed) : null,
    };
  }

  /**
   * Handles one stored instruction, once: claimed with a lease (another worker, or the sweep, leaves it alone),
   * retried later on a passing failure, given up after MAX_ATTEMPTS.
   */
  async handle(instructionId: string): Promise<void> {
    const instruction = await this.d.instructions.claim(instructionId, LEASE_MS);
    if (!instruction) return;
    try {
      const outcome = await this.apply(instruction);
      if (outcome.status !== 'done')
        this.d.logger.warn({ infoType: instruction.infoType, note: outcome.note }, 'wecom suite instruction ignored');
      await this.d.instructions.finish(instruction._id, outcome);
    } catch (err) {
      const note = err instanceof Error ? err.message : String(err);
      if (isTransient(err) && instruction.attempts < MAX_ATTEMPTS) {
        this.d.logger.warn({ infoType: instruction.infoType, note }, 'wecom suite instruction: retrying later');
        await this.d.instructions.retryLater(instruction._id, retryDelayMs(instruction.attempts), note);
        return;
      }
      this.d.logger.error({ err, infoType: instruction.infoType }, 'wecom suite instruction failed');
      await this.d.instructions.finish(instruction._id, { status: 'failed', note });
    }
  }

  private apply(i: SuiteInstructionRecord): Promise<Outcome> {
    switch (i.infoType) {
      case 'create_auth':
        return this.created(i);
      case 'change_auth':
        return this.changed(i);
      case 'cancel_auth':
        return this.cancelled(i);
      case 'reset_permanent_code':
        return this.reset(i);
      default:
        return Promise.resolve({ status: 'ignored', note: `not handled: ${i.infoType}` });
    }
  }

  private authCode(i: SuiteInstructionRecord): string | null {
    return i.authCodeSealed ? this.d.secrets.open(i.authCodeSealed) : null;
  }

  private async created(i: SuiteInstructionRecord): Promise<Outcome> {
    const authCode = this.authCode(i);
    if (!i.state || !authCode) return { status: 'ignored', note: 'create_auth without State or AuthCode' };
    const link = await this.d.authorisations.claim(hashState(i.state), String(i._id));
    // a scan from a link nobody here asked for, an expired one, or a State used once already
    if (!link) return { status: 'ignored', note: 'State matches no pending authorisation link' };
    const merchant = asMerchantId(link.merchantId);
    let grant;
    try {
      grant = await this.d.api.permanentCode(authCode);
    } catch (err) {
      if (err instanceof WecomApiError && AUTH_CODE_DEAD.has(err.errcode)) {
        await this.d.authorisations.settle(merchant, link._id, { corpId: '', failure: AGENCY_TEXTS.codeDead });
        return { status: 'failed', note: `get_permanent_code ${err.errcode}`, merchantId: merchant };
      }
      throw err;
    }
    const saved = await this.saveGrant(merchant, grant);
    if (saved === 'corp_taken') {
      await this.d.authorisations.settle(merchant, link._id, { corpId: grant.corpId, failure: AGENCY_TEXTS.corpTaken });
      return { status: 'failed', note: 'corp connected to another merchant', merchantId: merchant };
    }
    // a token cached from an earlier permanent code of the same app must not be used again
    await this.d.client.forgetToken({ merchantId: merchant, corpId: grant.corpId, agentId: grant.agentId });
    await this.d.authorisations.settle(merchant, link._id, { corpId: grant.corpId });
    const actor = { kind: link.requestedBy.kind, id: link.requestedBy.id } as SetupActor;
    await this.d.audit.record(merchant, {
      actor,
      action: WECOM_AUDIT.agencyAuthorised,
      target: grant.adminUserid ? `${grant.corpId} (管理员 ${grant.adminUserid})` : grant.corpId,
    });
    return { status: 'done', merchantId: merchant };
  }

  /** WeCom's grant as the merchant's app: the permanent code its Secret, the template's keys for its callbacks. */
  private saveGrant(merchantId: MerchantId, grant: PermanentCodeGrant) {
    return this.d.apps.saveAgency(merchantId, {
      corpId: grant.corpId,
      corpName: grant.corpName,
      agentId: grant.agentId,
      permanentCode: grant.permanentCode,
      callbackToken: this.d.suite.token,
      encodingAesKey: this.d.suite.encodingAesKey,
    });
  }

  private async changed(i: SuiteInstructionRecord): Promise<Outcome> {
    const app = i.authCorpId ? await this.d.apps.findAgencyByCorp(i.authCorpId) : null;
    if (!app) return { status: 'ignored', note: 'change_auth for a corp with no 代开发 app' };
    const info = await this.d.api.authInfo(i.authCorpId!, app.permanentCode);
    await this.d.apps.updateAgencyInfo(i.authCorpId!, info);
    await this.d.audit.record(app.merchantId, {
      actor: WECOM_ACTOR,
      action: WECOM_AUDIT.agencyChanged,
      target: i.authCorpId!,
    });
    return { status: 'done', merchantId: app.merchantId };
  }

  private async cancelled(i: SuiteInstructionRecord): Promise<Outcome> {
    const app = i.authCorpId ? await this.d.apps.findAgencyByCorp(i.authCorpId) : null;
    const merchantId = app && (await this.d.apps.disableAgency(i.authCorpId!, new Date()));
    if (!app || !merchantId) return { status: 'ignored', note: 'cancel_auth for a corp with no enabled 代开发 app' };
    await this.d.client.forgetToken({ merchantId, corpId: i.authCorpId!, agentId: app.agentId });
    await this.d.audit.record(merchantId, {
      actor: WECOM_ACTOR,
      action: WECOM_AUDIT.agencyCancelled,
      target: i.authCorpId!,
    });
    return { status: 'done', merchantId };
  }

  /** reset_permanent_code: WeCom issued a new permanent code (the old one stops working). */
  private async reset(i: SuiteInstructionRecord): Promise<Outcome> {
    const authCode = this.authCode(i);
    if (!authCode) return { status: 'ignored', note: 'reset_permanent_code without AuthCode' };
    const grant = await this.d.api.permanentCode(authCode);
    const app = await this.d.apps.findAgencyByCorp(grant.corpId);
    if (!app) return { status: 'ignored', note: 'reset_permanent_code for a corp with no 代开发 app' };
    await this.saveGrant(app.merchantId, grant);
    await this.d.client.forgetToken({ merchantId: app.merchantId, corpId: grant.corpId, agentId: grant.agentId });
    await this.d.audit.record(app.merchantId, { actor: WECOM_ACTOR, action: WECOM_AUDIT.agencySecretReset });
    return { status: 'done', merchantId: app.merchantId };
  }
}

/** Way 2 needs the operator's template: a clear refusal where it is not configured. */
export const agencyUnavailable = () => conflict(AGENCY_TEXTS.unavailable);
