import { createHash, randomInt } from 'node:crypto';
import type { StaffRole } from '@xiaoer/common/constants/roles';
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import type { Session, SessionSigner } from '../../auth/session.js';
import type { Config } from '../../config/env.js';
import { AppError, forbidden, notFound } from '../../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';
import type { IdentityApi } from '../wecom/api/identity-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { InviteRepository } from './invite.repository.js';
import type { LoginLimits } from './login-limits.js';
import { openIdFromMiniProgramCode } from './wechat-login.js';

const INVITE_TTL_MS = 24 * 3600_000;
// No 0/O, 1/I/L: read aloud or typed from a chat without mistakes.
const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

export type MiniProgramLogin = { status: 'ok'; session: SessionDto } | { status: 'needs_binding'; bindTicket: string };

export class AuthService {
  constructor(
    private config: Config,
    private sessions: SessionSigner,
    private merchants: MerchantRepository,
    private staff: StaffRepository,
    private wecomApps: WecomAppRepository,
    private identity: IdentityApi,
    private invites: InviteRepository,
    readonly limits: LoginLimits,
  ) {}

  async issueFor(staff: StaffRecord): Promise<SessionDto> {
    const merchantId = asMerchantId(staff.merchantId);
    const { token, expiresAt } = await this.sessions.issue({
      merchantId,
      staffId: staff._id.toHexString(),
      role: staff.role,
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      staff: { id: staff._id.toHexString(), name: staff.name, role: staff.role, merchantId },
    };
  }

  /** A fresh token for a still-valid session of a still-active staff member. */
  async refresh(session: Session): Promise<SessionDto> {
    const staff = await this.staff.findById(session.merchantId, session.staffId);
    if (!staff) throw new AppError('unauthenticated', { message: '账号已停用，请联系老板' });
    return this.issueFor(staff);
  }

  /** The sidebar: WeCom OAuth code → member userid → our staff account in that corp's merchant. */
  /**
   * Where the sidebar sends the member to sign in silently (snsapi_base): WeCom comes back to redirectUri with a
   * code. WeCom itself only redirects within the app's trusted domain.
   */
  async wecomOauthUrl(corpId: string, redirectUri: string): Promise<{ url: string }> {
    const app = await this.wecomApps.findByCorpId(corpId);
    if (!app) throw notFound('这个企业还没有接入小二，请确认侧边栏链接里的企业ID');
    const query = new URLSearchParams({
      appid: corpId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'snsapi_base',
      state: 'sidebar',
      agentid: String(app.agentId),
    });
    return { url: `${this.config.wecom.oauthBase}/connect/oauth2/authorize?${query}#wechat_redirect` };
  }

  async wecomLogin(corpId: string, code: string): Promise<SessionDto> {
    const app = await this.wecomApps.findByCorpId(corpId);
    if (!app) throw notFound('这个企业还没有接入小二');
    let userid: string;
    try {
      userid = await this.identity.userIdFromCode(app, code);
    } catch (err) {
      if (err instanceof WecomApiError && err.errcode === 40029)
        throw new AppError('unauthenticated', { message: '登录码已失效，请重新打开侧边栏' });
      throw err;
    }
    const staff = userid ? await this.staff.findByWecomUserId(app.merchantId, userid) : null;
    if (!staff?.active)
      throw forbidden('你还不是小二的员工：请企业微信管理员把你加入小二应用的可见范围，再请老板在小二的「员工」里同步');
    return this.issueFor(staff);
  }

  /** The mini-program: wx.login code → openid; a bound openid logs in, an unbound one gets a ticket to bind. */
  async miniProgramLogin(code: string): Promise<MiniProgramLogin> {
    const openId = await openIdFromMiniProgramCode(this.config, code);
    const staff = await this.staff.findByMiniProgramOpenId(openId);
    if (staff) return { status: 'ok', session: await this.issueFor(staff) };
    return { status: 'needs_binding', bindTicket: await this.sessions.issueBindTicket(openId) };
  }

  /** Redeems a one-time invite code: the openid from the ticket is bound to the invited staff account. */
  async bindMiniProgram(bindTicket: string, inviteCode: string): Promise<SessionDto> {
    const openId = await this.sessions.verifyBindTicket(bindTicket);
    await this.limits.bindAttempt(openId); // 31^8 codes, but not unlimited guesses
    const invite = await this.invites.redeem(hashCode(inviteCode));
    if (!invite) throw new AppError('validation_failed', { message: '邀请码无效或已过期，请让老板重新生成' });
    const merchantId = asMerchantId(invite.merchantId);
    await this.staff.bindMiniProgram(merchantId, invite.staffId, openId);
    const staff = await this.staff.findById(merchantId, invite.staffId.toHexString());
    if (!staff) throw notFound('被邀请的员工已停用');
    return this.issueFor(staff);
  }

  /** An owner invites a staff member (often themselves) to the mini-program. */
  async createInvite(session: Session, staffId: string): Promise<{ code: string; expiresAt: string }> {
    const staff = await this.staff.findById(session.merchantId, staffId);
    if (!staff) throw notFound('没有找到这位员工');
    const code = Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
    const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
    await this.invites.create(session.merchantId, {
      staffId: staff._id,
      codeHash: hashCode(code),
      expiresAt,
      createdBy: session.staffId,
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Demo mode only: a session for the demo merchant's staff member of the given role (or the given staff id).
   */
  async demoLogin(input: { staffId?: string; role?: StaffRole }): Promise<SessionDto> {
    if (!this.config.demoMode) throw new AppError('demo_disabled');
    const merchant = await this.merchants.findDemo();
    if (!merchant) throw notFound('演示商户还没有创建');
    const merchantId: MerchantId = asMerchantId(merchant._id);
    const staff = input.staffId
      ? await this.staff.findById(merchantId, input.staffId)
      : await this.staff.findFirstByRole(merchantId, input.role ?? 'owner');
    if (!staff) throw notFound('没有找到这位演示员工');
    return this.issueFor(staff);
  }
}
