/**
 * Staff see phone numbers masked (139****3227) and may find a customer by the whole number only. Without a limit the
 * hidden four digits are 10,000 lookups away; at this rate a staff member needs weeks, while a real shift (a customer
 * at the counter giving their number) stays far below it. Managers and owners see numbers unmasked anyway.
 */
export const STAFF_PHONE_LOOKUPS = { limit: 30, windowMs: 60 * 60_000 } as const;
