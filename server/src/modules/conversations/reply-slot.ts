import type { KfSessionRecord } from './kf.repository.js';

/**
 * One reply WeCom will accept for a customer, taken from the session's budget (state new/bot, inside the 48 h window,
 * fewer than 5 replies) before anything is written, so the bot runs no engine for a customer it could not answer.
 * Used once: `sendText` spends it, or `release` gives it back.
 */
export class ReplySlot {
  private spent = false;

  constructor(
    readonly session: KfSessionRecord,
    private giveBack: () => Promise<void>,
  ) {}

  /** True once: for the send that uses the slot. */
  take(): boolean {
    if (this.spent) return false;
    this.spent = true;
    return true;
  }

  /** Returns the reply to the budget unless a send has used it (safe to call in a finally). */
  async release(): Promise<void> {
    if (this.take()) await this.giveBack();
  }
}
