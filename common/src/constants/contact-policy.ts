/**
 * How often one customer may receive a group-send (群发) from the merchant. WeCom enforces its own per-customer limit
 * (see developer doc path/92135; its exact figures have changed over time), so we stay at or below it and check
 * locally before creating a task, instead of learning from a failed send.
 */
export const GROUP_SEND_CAPS = { perDay: 1, perThirtyDays: 4 } as const;
