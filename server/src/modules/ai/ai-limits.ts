// What the AI may cost, in one place: rate limits on the sidebar's suggestions and on the bot, the most a model may
// write per call (which bounds the token reservation), and how long a reservation is held for a call that never
// settles (its process died).

/** Suggestion requests (with or without a question), counted in fixed windows in Redis, shared by all processes. */
export const SUGGESTION_LIMITS = {
  /** one staff member: a person reading and sending drafts does not ask more than this */
  perStaff: { limit: 20, windowMs: 60_000 },
  /** one customer, whoever asks: several colleagues on one customer share this */
  perCustomer: { limit: 10, windowMs: 60_000 },
} as const;

/**
 * Engine runs for one 微信客服 customer. Beyond it, the bot tells the customer once that a person will answer (and
 * hands over), then stays silent for the window; every message is still stored for staff.
 */
export const BOT_LIMIT = {
  perCustomer: { limit: 10, windowMs: 10 * 60_000 },
} as const;

/** max_tokens per call: an answer is JSON with a reply of up to 200 characters; a proactive message up to 80. */
export const LLM_MAX_OUTPUT_TOKENS = { answer: 800, compose: 400 } as const;

/** A reservation not settled within this (its process died mid-call) stops counting against the budget. */
export const LLM_RESERVATION_LEASE_MS = 10 * 60_000;
