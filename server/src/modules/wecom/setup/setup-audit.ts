// The WeCom setup records every change of credentials and each step WeCom confirms in the merchant's audit list.
// The integration names no domain module: the composition hands it the audit list (MerchantAuditRepository).
import type { AUDIT_ACTOR_KINDS } from '@xiaoer/common/schemas/operator';
import type { MerchantId } from '../../../tenancy/merchant-id.js';

export interface SetupActor {
  kind: (typeof AUDIT_ACTOR_KINDS)[number];
  id: string;
}

export interface SetupAuditLog {
  record(
    merchantId: MerchantId,
    entry: { actor: SetupActor; action: string; target?: string },
    at?: Date,
  ): Promise<void>;
}

/** WeCom itself, for what it does on its side (verifying the callback URL). */
export const WECOM_ACTOR: SetupActor = { kind: 'system', id: 'wecom' };

/** The audit actions of the WeCom setup: what changed, never the value of a secret. */
export const WECOM_AUDIT = {
  connected: 'wecom.app.connected',
  corpIdChanged: 'wecom.corp_id.changed',
  agentIdChanged: 'wecom.agent_id.changed',
  secretChanged: 'wecom.secret.changed',
  callbackKeysGenerated: 'wecom.callback_keys.generated',
  callbackVerified: 'wecom.callback.verified',
  kfAccountsChanged: 'wecom.kf_accounts.changed',
  /** way 2 (服务商代开发): the owner asked for an authorisation link; the admin authorised, changed, cancelled */
  agencyLinkCreated: 'wecom.agency.link_created',
  agencyAuthorised: 'wecom.agency.authorised',
  agencyChanged: 'wecom.agency.changed',
  agencyCancelled: 'wecom.agency.cancelled',
  agencySecretReset: 'wecom.agency.permanent_code_reset',
} as const;
