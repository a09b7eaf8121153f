/** Staff roles, lowest to highest. A role may do everything the roles before it may. */
export const STAFF_ROLES = ['staff', 'manager', 'owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { staff: '店员', manager: '店长', owner: '老板' };

export const roleAtLeast = (role: StaffRole, required: StaffRole): boolean =>
  STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(required);
