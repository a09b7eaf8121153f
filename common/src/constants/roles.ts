/** Staff roles, lowest to highest. A role may do everything the roles before it may. */
export const STAFF_ROLES = ['staff', 'manager', 'owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { staff: '店员', manager: '店长', owner: '老板' };

export const roleAtLeast = (role: StaffRole, required: StaffRole): boolean =>
  STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(required);

/**
 * The WeCom userid an owner's staff record carries from redeeming a setup link until they claim their own WeCom
 * member among the synced staff. `~` never appears in a WeCom userid (letters, digits, `_-@.`), so it cannot collide
 * with a synced member.
 */
export const PENDING_OWNER_WECOM_USERID = '~setup-owner';
