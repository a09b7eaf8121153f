/** Fired when an alert changes on its detail page, so the list behind it refreshes. */
export const ALERTS_CHANGED = 'alerts:changed';
