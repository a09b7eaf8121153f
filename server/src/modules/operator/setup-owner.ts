/**
 * The WeCom userid an owner's staff record carries from redeeming a setup link until the staff sync matches the
 * owner to their WeCom member. `~` never appears in a WeCom userid (letters, digits, `_-@.`), so it cannot collide
 * with a synced member, and the unique (merchant, userid) index makes the owner's creation happen once.
 */
export const PENDING_OWNER_WECOM_USERID = '~setup-owner';

/** What the owner is called until they say otherwise. */
export const DEFAULT_OWNER_NAME = '老板';
