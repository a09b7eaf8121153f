// What the staff module writes to the merchant's audit list: who synced, claimed, changed a role or shops, gave a
// name, invited. The list itself belongs to the merchants module; the composition hands its writer over.
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';

export interface StaffAudit {
  record(merchantId: MerchantId, entry: { actor: AuditActor; action: string; target?: string }): Promise<void>;
}

/** WeCom itself, for the changes its change_contact events bring. */
export const WECOM_DIRECTORY_ACTOR: AuditActor = { kind: 'system', id: 'wecom' };
