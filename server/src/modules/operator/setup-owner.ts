/**
 * The WeCom userid an owner's staff record carries from redeeming a setup link until the owner claims their WeCom
 * member in the staff step (common/constants/roles.ts); the unique (merchant, userid) index makes the owner's
 * creation happen once.
 */
export { PENDING_OWNER_WECOM_USERID } from '@xiaoer/common/constants/roles';

/** What the owner is called until they say otherwise. */
export const DEFAULT_OWNER_NAME = '老板';
