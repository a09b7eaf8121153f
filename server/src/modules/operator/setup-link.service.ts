// One-time setup links for a merchant's owner: 32 random bytes, of which only the SHA-256 is stored; open for 72
// hours unless said, used once, revocable, and re-issuing revokes the one before. Redeeming one signs the owner in
// (creating the owner's staff record the first time). Every step lands in the merchant's audit list.
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import { SETUP_LINK_DEFAULT_HOURS, type SetupRedeemResult } from '@xiaoer/common/schemas/operator';
import { createHash, randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { MerchantAuditRepository } from '../merchants/merchant-audit.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';
import type { SetupLinkRecord, SetupLinkRepository } from './setup-link.repository.js';
import { DEFAULT_OWNER_NAME, PENDING_OWNER_WECOM_USERID } from './setup-owner.js';

const HOUR_MS = 3_600_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const SETUP_LINK_MESSAGES = {
  invalid: '这个开通链接无效，请检查链接是否完整，或联系服务商重新发送',
  used: '这个开通链接已经用过了，请联系服务商重新发送',
  expired: '这个开通链接已过期，请联系服务商重新发送',
  revoked: '这个开通链接已作废（服务商已发了新的链接或收回了它），请使用最新的链接或联系服务商',
} as const;

export interface SetupLinkDeps {
  links: SetupLinkRepository;
  merchants: MerchantRepository;
  staff: StaffRepository;
  audit: MerchantAuditRepository;
  /** the owner's session, as every sign-in issues it */
  issueSession: (staff: StaffRecord) => Promise<SessionDto>;
}

export class SetupLinkService {
  constructor(private d: SetupLinkDeps) {}

  /** A new link for the merchant's owner (the old one stops working): the token, shown this once, and its expiry. */
  async issue(
    merchantId: MerchantId,
    by: AuditActor,
    hours = SETUP_LINK_DEFAULT_HOURS,
    now = new Date(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const link = { tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + hours * HOUR_MS), createdBy: by };
    // A concurrent issue may slip its link in between our revoke and insert: revoke that one too, once.
    const stored =
      (await this.d.links.replaceOpen(merchantId, link, now)) ??
      (await this.d.links.replaceOpen(merchantId, link, now));
    if (!stored) throw conflict('正在同时生成另一个开通链接，请稍后再试');
    if (stored.revoked) await this.audited(merchantId, by, 'setup_link.revoked', stored.revoked, now);
    await this.audited(merchantId, by, 'setup_link.issued', stored.link, now);
    return { token, expiresAt: link.expiresAt };
  }

  /** Revokes the merchant's open link; false when none was open. */
  async revoke(merchantId: MerchantId, by: AuditActor, now = new Date()): Promise<boolean> {
    const revoked = await this.d.links.revokeOpen(merchantId, by, now);
    if (revoked) await this.audited(merchantId, by, 'setup_link.revoked', revoked, now);
    return revoked !== null;
  }

  /** The owner opens the link: signed in as the merchant's owner, created now if the merchant has none. */
  async redeem(token: string, name: string | undefined, now = new Date()): Promise<SetupRedeemResult> {
    const tokenHash = hashToken(token);
    const link = await this.d.links.findByTokenHash(tokenHash);
    if (!link) throw notFound(SETUP_LINK_MESSAGES.invalid);
    refuseUnusable(link, now);
    const merchantId = asMerchantId(link.merchantId);
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) throw notFound(SETUP_LINK_MESSAGES.invalid);
    // The owner first (idempotent), then the claim: a failure in between leaves the link usable, and of two
    // concurrent redemptions the one that loses the claim is told the link was used.
    const { owner, created } = await this.ensureOwner(merchantId, name);
    const ownerId = owner._id.toHexString();
    const claimed = await this.d.links.redeem(tokenHash, ownerId, now);
    if (!claimed) {
      refuseUnusable((await this.d.links.findByTokenHash(tokenHash)) ?? link, now);
      throw gone(SETUP_LINK_MESSAGES.used);
    }
    const actor: AuditActor = { kind: 'staff', id: ownerId };
    if (created) await this.d.audit.record(merchantId, { actor, action: 'owner.created', target: ownerId }, now);
    await this.audited(merchantId, actor, 'setup_link.redeemed', claimed, now);
    return {
      session: await this.d.issueSession(owner),
      merchant: { name: merchant.name, industry: merchant.industry },
    };
  }

  private async ensureOwner(merchantId: MerchantId, name: string | undefined) {
    const existing = await this.d.staff.findFirstByRole(merchantId, 'owner');
    if (existing) return { owner: existing, created: false };
    try {
      const [owner] = await this.d.staff.insertMany(merchantId, [
        {
          wecomUserId: PENDING_OWNER_WECOM_USERID,
          name: name ?? DEFAULT_OWNER_NAME,
          role: 'owner',
          shopIds: [],
          active: true,
        },
      ]);
      return { owner: owner!, created: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // another redemption created the owner a moment ago
      const owner = await this.d.staff.findFirstByRole(merchantId, 'owner');
      if (!owner) throw conflict('店主账号已停用，请联系服务商');
      return { owner, created: false };
    }
  }

  private audited(merchantId: MerchantId, actor: AuditActor, action: string, link: SetupLinkRecord, at: Date) {
    return this.d.audit.record(merchantId, { actor, action, target: link._id.toHexString() }, at);
  }
}

/** Each way a link stops working gets its own message (410: it existed, and is gone for good). */
const gone = (message: string) => new AppError('gone', { message });

function refuseUnusable(link: SetupLinkRecord, now: Date): void {
  if (link.state === 'used') throw gone(SETUP_LINK_MESSAGES.used);
  if (link.state === 'revoked') throw gone(SETUP_LINK_MESSAGES.revoked);
  if (link.expiresAt.getTime() <= now.getTime()) throw gone(SETUP_LINK_MESSAGES.expired);
}
