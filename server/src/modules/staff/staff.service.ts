// The owner's and managers' changes to the team: roles (owner only; the last owner is never demoted) and shops, the
// owner's claim of their own WeCom member (replacing the setup link's placeholder, so their sidebar sign-in works),
// a member's own name where WeCom withheld it, and mini-program invites with their QR code. Each change is audited.
import { PENDING_OWNER_WECOM_USERID, roleAtLeast, type StaffRole } from '@xiaoer/common/constants/roles';
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import QRCode from 'qrcode';
import type { Session } from '../../auth/session.js';
import { AppError, conflict, forbidden, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { StaffAudit } from './staff-audit.js';
import type { StaffRecord, StaffRepository } from './staff.repository.js';

export interface StaffServiceDeps {
  staff: StaffRepository;
  audit: StaffAudit;
  /** whether these ids are all shops of the merchant */
  shopsExist: (merchantId: MerchantId, shopIds: string[]) => Promise<boolean>;
  /** a session for the member, as every sign-in issues it */
  issueSession: (staff: StaffRecord) => Promise<SessionDto>;
  /** a one-time mini-program invite code for the member (the auth module's invite flow) */
  createInvite: (session: Session, staffId: string) => Promise<{ code: string; expiresAt: string }>;
  /** ends the member's sessions (a changed role takes effect at their next sign-in, not when the token runs out) */
  endSessions: (merchantId: MerchantId, staffId: string) => Promise<void>;
}

const actorOf = (session: Session): AuditActor => ({ kind: 'staff', id: session.staffId });

export class StaffService {
  constructor(private d: StaffServiceDeps) {}

  private async member(merchantId: MerchantId, id: string): Promise<StaffRecord> {
    const member = await this.d.staff.findById(merchantId, id);
    if (!member) throw notFound('没有找到这位员工');
    return member;
  }

  /** A member's role (owner only) and shops (managers and owners). */
  async assign(session: Session, id: string, change: { role?: StaffRole; shopIds?: string[] }): Promise<StaffRecord> {
    const { merchantId } = session;
    const member = await this.member(merchantId, id);
    const roleChanges = change.role !== undefined && change.role !== member.role;
    if (roleChanges && !roleAtLeast(session.role, 'owner')) throw forbidden('只有老板可以修改角色');
    // a manager arranges the shops of staff, not of other managers or the owner
    if (!roleAtLeast(session.role, 'owner') && member.role !== 'staff') throw forbidden('只有老板可以修改店长的门店');
    if (change.shopIds && !(await this.d.shopsExist(merchantId, change.shopIds)))
      throw new AppError('validation_failed', { message: '门店不存在', fields: { shopIds: '门店不存在' } });
    const demotesOwner = roleChanges && member.role === 'owner';
    if (demotesOwner && (await this.d.staff.countOwners(merchantId)) <= 1)
      throw conflict('至少要保留一位老板：请先把另一位员工设为老板');
    const updated = await this.d.staff.assign(merchantId, id, {
      ...(roleChanges ? { role: change.role } : {}),
      ...(change.shopIds ? { shopIds: change.shopIds } : {}),
    });
    if (!updated) throw notFound('没有找到这位员工');
    // two owners demoting each other at once: the second to land puts its owner back
    if (demotesOwner && (await this.d.staff.countOwners(merchantId)) === 0) {
      await this.d.staff.assign(merchantId, id, { role: 'owner' });
      throw conflict('至少要保留一位老板：请先把另一位员工设为老板');
    }
    const actor = actorOf(session);
    if (roleChanges) {
      await this.d.audit.record(merchantId, { actor, action: `staff.role_changed.to_${change.role}`, target: id });
      await this.d.endSessions(merchantId, id);
    }
    if (change.shopIds) await this.d.audit.record(merchantId, { actor, action: 'staff.shops_changed', target: id });
    return updated;
  }

  /**
   * The owner signed in by the setup link says which synced WeCom member they are: that member becomes the owner
   * (with the placeholder's mini-program binding), the placeholder steps aside and its sessions end. A new session.
   */
  async claimOwner(session: Session, staffId: string): Promise<SessionDto> {
    const { merchantId } = session;
    const me = await this.member(merchantId, session.staffId);
    if (me.wecomUserId !== PENDING_OWNER_WECOM_USERID) throw conflict('你已经关联了企业微信账号');
    const target = await this.member(merchantId, staffId);
    if (target.wecomUserId.startsWith(PENDING_OWNER_WECOM_USERID)) throw notFound('没有找到这位员工');
    const retired = await this.d.staff.retirePlaceholder(merchantId, me._id);
    if (!retired) throw conflict('你已经关联了企业微信账号');
    const owner = await this.d.staff.takeOver(merchantId, target._id, retired);
    if (!owner) throw notFound('没有找到这位员工');
    // the placeholder's sessions, and the member's own as plain staff, end: the owner goes on with the new session
    await this.d.endSessions(merchantId, me._id.toHexString());
    await this.d.endSessions(merchantId, staffId);
    await this.d.audit.record(merchantId, { actor: actorOf(session), action: 'staff.owner_claimed', target: staffId });
    return this.d.issueSession(owner);
  }

  /**
   * The owner takes a member off the team: their sessions end at once. Never the owner themself (they would lock
   * themself out) nor the last owner. The sync and WeCom's events leave them off: only `reactivate` brings them back.
   */
  async deactivate(session: Session, id: string): Promise<void> {
    const { merchantId } = session;
    const member = await this.member(merchantId, id);
    if (id === session.staffId) throw conflict('不能停用你自己');
    if (member.role === 'owner' && (await this.d.staff.countOwners(merchantId)) <= 1)
      throw conflict('至少要保留一位老板：请先把另一位员工设为老板');
    if (!(await this.d.staff.deactivateById(merchantId, id))) throw notFound('没有找到这位员工');
    await this.d.endSessions(merchantId, id);
    await this.d.audit.record(merchantId, { actor: actorOf(session), action: 'staff.deactivated', target: id });
  }

  /** The owner brings back a member they took off the team (the route lets only owners here). */
  async reactivate(session: Session, id: string): Promise<StaffRecord> {
    const { merchantId } = session;
    const member = await this.d.staff.reactivateById(merchantId, id);
    if (!member) throw notFound('没有找到被停用的这位员工');
    await this.d.audit.record(merchantId, { actor: actorOf(session), action: 'staff.reactivated', target: id });
    return member;
  }

  /** The signed-in member's own name, where WeCom withheld it. */
  async giveName(session: Session, name: string): Promise<StaffRecord> {
    const given = await this.d.staff.giveName(session.merchantId, session.staffId, name);
    if (!given) {
      await this.member(session.merchantId, session.staffId); // 404 for a removed member
      throw conflict('你的姓名已由企业微信提供，无需填写');
    }
    await this.d.audit.record(session.merchantId, {
      actor: actorOf(session),
      action: 'staff.name_given',
      target: session.staffId,
    });
    return given;
  }

  /**
   * A one-time invite for a member's mini-program, and the QR code of the console link (`consoleUrl`, from the
   * server's public URL) whose sign-in page fills it in.
   */
  async invite(session: Session, staffId: string, consoleUrl: string) {
    const { code, expiresAt } = await this.d.createInvite(session, staffId);
    const link = `${consoleUrl}/#/pages/login/index?invite=${code}`;
    const qrImage = await QRCode.toDataURL(link, { margin: 1, width: 240 });
    await this.d.audit.record(session.merchantId, {
      actor: actorOf(session),
      action: 'staff.invite_created',
      target: staffId,
    });
    return { code, expiresAt, link, qrImage };
  }
}
