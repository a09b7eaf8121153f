// What leaves the server about operators and the merchants they run: ids as strings, dates as ISO text, and never
// a password hash, a token or a token's hash.
import type { MerchantAuditEntryDto, OperatorDto, OperatorMerchantDto } from '@xiaoer/common/schemas/operator';
import type { MerchantAuditRecord } from '../merchants/merchant-audit.repository.js';
import type { MerchantOverview } from './merchant-overview.js';
import type { OperatorRecord } from './platform-operator.repository.js';

export const presentOperator = (o: OperatorRecord): OperatorDto => ({
  id: o._id.toHexString(),
  login: o.login,
  name: o.name,
});

export const presentOperatorMerchant = ({ merchant, setup, health }: MerchantOverview): OperatorMerchantDto => ({
  id: merchant._id.toHexString(),
  name: merchant.name,
  industry: merchant.industry,
  createdAt: merchant.createdAt.toISOString(),
  setup: {
    link: {
      status: setup.link.status,
      ...(setup.link.expiresAt && { expiresAt: setup.link.expiresAt.toISOString() }),
      ...(setup.link.usedAt && { usedAt: setup.link.usedAt.toISOString() }),
    },
    ownerJoined: setup.ownerJoined,
    wecomConnected: setup.wecomConnected,
    staffCount: setup.staffCount,
  },
  health: { ...health, lastCallbackAt: health.lastCallbackAt?.toISOString() ?? null },
});

export const presentAuditEntry = (e: MerchantAuditRecord): MerchantAuditEntryDto => ({
  at: e.at.toISOString(),
  actor: { kind: e.actor.kind, id: e.actor.id },
  action: e.action,
  ...(e.target && { target: e.target }),
});
