import type { InboxHandler } from '../wecom/inbox/inbox-processor.js';
import type { KfService } from './kf.service.js';

/**
 * A customer's messages that the bot reaches only after they have sent this many newer ones are not answered one by
 * one: the bot answers the newest (their history holds the rest). What a shop wants from a burst is an answer to
 * where the customer got to, not a reply per line; every message is still stored and marked handled.
 */
export const KF_BURST_ANSWERED = 5;

/** kf_msg_or_event carries no message: it says "sync this account now". */
export const kfEventHandlers = (kf: KfService): Record<string, InboxHandler> => ({
  kf_msg_or_event: async ({ event, app, coverQueued }) => {
    const openKfId = event.payload.OpenKfId;
    if (!openKfId) return;
    // Every notice already queued for this account is answered by the sync that starts now.
    await coverQueued();
    await kf.sync(app, openKfId, event.payload.Token);
  },
  // One customer message, queued by the sync: the bot answers it (ordered per customer, parallel across customers).
  kf_message: async ({ event, app }) => {
    const { messageId, openKfId, externalUserId, sentAt } = event.payload;
    if (!sentAt || !openKfId || !externalUserId) return void (await kf.deliverById(app, messageId!)); // queued before sentAt was carried
    const ref = { id: messageId!, openKfId, externalUserId, sentAt: new Date(sentAt) };
    const { message, newer } = await kf.repository.messageWithNewer(app.merchantId, ref, KF_BURST_ANSWERED);
    if (!message) return { skipped: 'gone' };
    if (newer >= KF_BURST_ANSWERED) return { skipped: 'superseded' };
    await kf.deliver(app, message);
  },
});
