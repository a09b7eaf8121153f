// The 微信客服 pipe: sync what customers wrote (under a per-account lock, cursor persisted, deduped by msgid), keep
// each session's state and reply budget, and send within WeCom's rules with our own msgid. What to say is decided
// elsewhere (the AI); this is the reliable transport.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logging/logger.js';
import { tenantKey } from '../../redis/keys.js';
import type { HeldLock, RedisLock } from '../../redis/lock.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { KfApi, KfSyncedMessage } from '../wecom/api/kf-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import { FAIL_TYPES, outgoing, reasonOf, toMessage } from './kf-message-mapping.js';
import { kfStateFromWecom } from './kf-state.js';
import { KF_WINDOW_MS, type KfRepository, type MessageRecord } from './kf.repository.js';
import { ReplySlot } from './reply-slot.js';

export { ReplySlot };

export type SendOutcome = { status: 'sent' | 'failed' | 'not_attempted'; reason?: string; ourMsgId: string };
/** `busy`: another process held the account's sync lock, and this call synced nothing. */
export type SyncOutcome = { fetched: number; stored: number; busy: boolean };

const TEXT_LIMIT_BYTES = 2048;
/** How long an account's sync lock lasts without renewal (a sync renews it every round). */
const SYNC_LOCK_MS = 20_000;
export const DEFAULT_KF_WELCOME = '您好，这里是{店名}，请问有什么可以帮您？';

/** How many of a customer's latest messages the bot reads with a new one. */
export const BOT_HISTORY = 10;

/** What the pipeline already read for a customer message, handed to listeners so they need not read it again. */
export interface CustomerMessageContext {
  /** the customer's latest BOT_HISTORY messages, oldest first (KfRepository.conversation) */
  history?: MessageRecord[];
}

export type CustomerMessageListener = (
  app: WecomCredentials,
  message: MessageRecord,
  context?: CustomerMessageContext,
) => Promise<void>;
/** Hands a stored customer message to the inbox, to be answered outside the account's sync lock. */
export type CustomerMessageQueue = (app: WecomCredentials, message: MessageRecord) => Promise<void>;

export class KfService {
  private listeners: CustomerMessageListener[] = [];

  constructor(
    readonly repository: KfRepository,
    private api: KfApi,
    private locks: RedisLock,
    private redis: Redis,
    private merchants: MerchantRepository,
    private logger: Logger,
    private queue?: CustomerMessageQueue,
    /** whether the shop greets customers: not while in setup (before 开始营业), as its bot does not answer yet */
    private greets: (merchantId: MerchantId) => Promise<boolean> = async () => true,
  ) {}

  /** The AI pipeline subscribes here to answer customer messages. */
  onCustomerMessage(listener: CustomerMessageListener): void {
    this.listeners.push(listener);
  }

  /**
   * Handles a kf_msg_or_event callback: sync everything new for the account, then act on it. One process syncs an
   * account at a time; a callback arriving meanwhile only marks the account dirty and returns `busy`, and the syncing
   * process goes round again — so a burst of callbacks costs a few syncs, not one each, and none is missed. The lock
   * is held for SYNC_LOCK_MS at a time and renewed as the sync goes, so a worker that dies mid-sync holds the account
   * up for seconds, not minutes; `busy` tells the caller to try again later (the holder may be that dead worker).
   */
  async sync(app: WecomCredentials, openKfId: string, token?: string): Promise<SyncOutcome> {
    const lockKey = tenantKey(app.merchantId, 'kf', openKfId, 'sync');
    const dirtyKey = tenantKey(app.merchantId, 'kf', openKfId, 'dirty');
    const total = { fetched: 0, stored: 0, busy: false };
    await this.redis.set(dirtyKey, '1', 'EX', 600);
    for (let first = true; ; first = false) {
      const lock = await this.locks.tryAcquire(lockKey, SYNC_LOCK_MS);
      if (!lock) return { ...total, busy: first }; // the holder will see the dirty mark, if it is alive
      try {
        while (await this.redis.del(dirtyKey)) {
          const round = await this.syncOnce(app, openKfId, lock, token);
          total.fetched += round.fetched;
          total.stored += round.stored;
          token = undefined; // the callback token belongs to the first round only
        }
      } finally {
        await lock.release();
      }
      // A callback that came between our last check and the release found the lock taken: look once more.
      if (!(await this.redis.exists(dirtyKey))) return total;
    }
  }

  private async syncOnce(app: WecomCredentials, openKfId: string, lock: HeldLock, token?: string) {
    let cursor = await this.repository.cursor(app.merchantId, openKfId);
    let fetched = 0;
    let stored = 0;
    let useToken = token;
    for (;;) {
      await lock.extend(SYNC_LOCK_MS);
      let page;
      try {
        page = await this.api.syncMsg(app, openKfId, cursor, useToken);
      } catch (err) {
        // The callback token lives 10 minutes; a late retry syncs without it.
        if (err instanceof WecomApiError && err.errcode === 95007 && useToken) {
          useToken = undefined;
          continue;
        }
        throw err;
      }
      fetched += page.messages.length;
      stored += await this.repository.insertSynced(
        app.merchantId,
        page.messages.map((m) => toMessage(m)),
      );
      const fromCustomers = page.messages.filter((m) => m.origin === 3);
      const wrote = fromCustomers.map((m) => ({ externalUserId: m.external_userid, at: new Date(m.send_time * 1000) }));
      await this.repository.customersWrote(app.merchantId, openKfId, wrote);
      // The cursor moves only after the page is stored: a crash re-fetches it, and msgid dedupe absorbs the overlap.
      cursor = page.nextCursor;
      await this.repository.saveCursor(app.merchantId, openKfId, cursor);
      if (!page.hasMore) break;
    }
    await this.actOnNew(app, openKfId);
    return { fetched, stored };
  }

  /**
   * Events are acted on here, under the account lock (they are quick). Customer messages are queued, one inbox event
   * each ordered per customer, so answering them (retrieval, the LLM) runs in parallel across customers instead of
   * one after another behind the account's lock; they are queued together (one inbox write for the lot) and marked
   * handled together. A crash in between queues them again, and the inbox's dedupe absorbs the repeat.
   */
  private async actOnNew(app: WecomCredentials, openKfId: string): Promise<void> {
    const queued: Promise<void>[] = [];
    const queuedIds: MessageRecord['_id'][] = [];
    for (const message of await this.repository.unhandled(app.merchantId, openKfId)) {
      if (message.direction === 'event') {
        await this.onEvent(app, message);
        await this.repository.markHandled([message._id]);
      } else if (this.queue) {
        queued.push(this.queue(app, message)); // in order: the inbox writer keeps the call order
        queuedIds.push(message._id);
      } else {
        await this.deliver(app, message);
        await this.repository.markHandled([message._id]);
      }
    }
    await Promise.all(queued);
    await this.repository.markHandled(queuedIds);
  }

  /** Runs the listeners (the bot) for one stored customer message. */
  async deliver(app: WecomCredentials, message: MessageRecord, context?: CustomerMessageContext): Promise<void> {
    for (const listener of this.listeners) await listener(app, message, context);
  }

  async deliverById(app: WecomCredentials, messageId: string): Promise<void> {
    const message = await this.repository.message(app.merchantId, messageId);
    if (message) await this.deliver(app, message);
  }

  private async onEvent(app: WecomCredentials, message: MessageRecord): Promise<void> {
    const event = (message.raw as KfSyncedMessage | undefined)?.event;
    if (!event) return;
    const { merchantId } = app;
    if (event.event_type === 'enter_session' && event.welcome_code) {
      // a customer opening the chat of a shop still in setup is not greeted (its code simply lapses after 20 s)
      if (!(await this.greets(merchantId))) return;
      const merchant = await this.merchants.findById(merchantId);
      const text = DEFAULT_KF_WELCOME.replaceAll('{店名}', merchant?.name ?? '本店');
      const ourMsgId = `welcome-${message.wecomMsgId}`;
      await this.repository.insertOutgoing(
        merchantId,
        outgoing(message.openKfId, message.externalUserId, ourMsgId, text),
      );
      try {
        await this.api.sendTextOnEvent(app, event.welcome_code, ourMsgId, text);
        await this.repository.setOutgoingStatus(merchantId, ourMsgId, 'sent');
      } catch (err) {
        // A welcome code is single-use and lives 20 s: a failure is recorded, never retried.
        await this.repository.setOutgoingStatus(merchantId, ourMsgId, 'failed', reasonOf(err));
      }
    } else if (event.event_type === 'msg_send_fail' && event.fail_msgid) {
      await this.repository.setOutgoingStatus(
        merchantId,
        event.fail_msgid,
        'failed',
        `send_fail:${FAIL_TYPES[event.fail_type ?? 0] ?? event.fail_type}`,
      );
    } else if (event.event_type === 'session_status_change' && typeof event.new_service_state === 'number') {
      await this.repository.setState(
        merchantId,
        message.openKfId,
        message.externalUserId,
        kfStateFromWecom(event.new_service_state),
        event.servicer_userid,
      );
    }
  }

  /** Takes a reply slot now (see ReplySlot), or says why WeCom would not accept a reply. */
  async reserveReply(
    app: WecomCredentials,
    to: { openKfId: string; externalUserId: string },
  ): Promise<{ slot: ReplySlot } | { slot: null; reason: string }> {
    const { merchantId } = app;
    const now = new Date();
    const session = await this.repository.reserveReply(merchantId, to.openKfId, to.externalUserId, now);
    if (!session) return { slot: null, reason: await this.whyNot(merchantId, to.openKfId, to.externalUserId, now) };
    return {
      slot: new ReplySlot(session, () => this.repository.refundReply(merchantId, to.openKfId, to.externalUserId)),
    };
  }

  /**
   * Sends a text reply if, and only if, WeCom's rules allow it now; otherwise records it as not attempted, with why.
   * With a slot reserved earlier, the send uses it instead of taking another (and gives it back if nothing is sent).
   * Calling again with the same ourMsgId never sends twice.
   */
  async sendText(
    app: WecomCredentials,
    to: { openKfId: string; externalUserId: string },
    text: string,
    ourMsgId: string = randomUUID(),
    slot?: ReplySlot,
  ): Promise<SendOutcome> {
    const { merchantId } = app;
    // Recorded before it is sent; a msgid already recorded is looked at (sent before: never twice).
    const record = outgoing(to.openKfId, to.externalUserId, ourMsgId, text);
    const recorded = await this.repository.insertOutgoing(merchantId, record);
    if (!recorded && (await this.repository.findOutgoing(merchantId, ourMsgId))?.status === 'sent') {
      await slot?.release();
      return { status: 'sent', ourMsgId };
    }
    if (Buffer.byteLength(text) > TEXT_LIMIT_BYTES) {
      await slot?.release();
      return this.notAttempted(merchantId, ourMsgId, 'too_long');
    }

    const now = new Date();
    const session = slot?.take()
      ? slot.session
      : await this.repository.reserveReply(merchantId, to.openKfId, to.externalUserId, now);
    if (!session)
      return this.notAttempted(
        merchantId,
        ourMsgId,
        await this.whyNot(merchantId, to.openKfId, to.externalUserId, now),
      );
    try {
      await this.api.sendText(app, to.openKfId, to.externalUserId, ourMsgId, text);
    } catch (err) {
      if (err instanceof WecomApiError && err.errcode === 95011) {
        await this.repository.setOutgoingStatus(merchantId, ourMsgId, 'sent'); // an earlier attempt got through
        return { status: 'sent', ourMsgId };
      }
      if (err instanceof WecomApiError && err.errcode === 95018)
        await this.repository.setState(merchantId, to.openKfId, to.externalUserId, 'human');
      if (!(err instanceof WecomApiError && err.errcode === 95001))
        await this.repository.refundReply(merchantId, to.openKfId, to.externalUserId);
      const reason = reasonOf(err);
      await this.repository.setOutgoingStatus(merchantId, ourMsgId, 'failed', reason);
      this.logger.warn({ reason }, 'kf send failed');
      return { status: 'failed', reason, ourMsgId };
    }
    if (session.state === 'new') await this.repository.setState(merchantId, to.openKfId, to.externalUserId, 'bot');
    await this.repository.setOutgoingStatus(merchantId, ourMsgId, 'sent');
    return { status: 'sent', ourMsgId };
  }

  /** Hands the session to a person: WeCom state 3 with the servicer, and ours follows. */
  async handOff(
    app: WecomCredentials,
    to: { openKfId: string; externalUserId: string },
    servicerUserId: string,
  ): Promise<void> {
    await this.api.transferToHuman(app, to.openKfId, to.externalUserId, servicerUserId);
    await this.repository.setState(app.merchantId, to.openKfId, to.externalUserId, 'human', servicerUserId);
  }

  private async whyNot(merchantId: MerchantId, openKfId: string, externalUserId: string, now: Date): Promise<string> {
    const s = await this.repository.session(merchantId, openKfId, externalUserId);
    if (!s) return 'no_session';
    if (s.state === 'human' || s.state === 'queue') return 'human_serving';
    if (s.state === 'ended') return 'session_ended';
    if (now.getTime() - s.lastCustomerMessageAt.getTime() > KF_WINDOW_MS) return 'window_expired';
    return 'budget_exhausted';
  }

  private async notAttempted(merchantId: MerchantId, ourMsgId: string, reason: string): Promise<SendOutcome> {
    await this.repository.setOutgoingStatus(merchantId, ourMsgId, 'not_attempted', reason);
    this.logger.info({ reason }, 'kf send not attempted');
    return { status: 'not_attempted', reason, ourMsgId };
  }
}
