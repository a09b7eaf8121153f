import { detectIntent, type Intent } from '../ai/intents.js';
import type { InboxHandler } from '../wecom/inbox/inbox-processor.js';
import { isCustomerText, type MessageRecord } from './kf.repository.js';
import { BOT_HISTORY, type KfService } from './kf.service.js';

/**
 * A customer's messages that the bot reaches only after they have sent this many newer ones are not answered one by
 * one: the bot answers the newest (their history holds the rest). What a shop wants from a burst is an answer to
 * where the customer got to, not a reply per line; every message is still stored and marked handled. Only newer text
 * counts: a question followed by pictures, stickers or voice is still where the customer got to.
 */
export const KF_BURST_ANSWERED = 5;

/**
 * What a customer asks for in a message the bot never passes by, however many newer ones follow: a 退订 must be
 * honoured, and a request for a person (or a complaint) handed over, not lost in the burst.
 */
const ALWAYS_ACTED_ON: ReadonlySet<Intent> = new Set(['opt_out', 'human', 'complaint']);
const mustActOn = (text?: string) => !!text && ALWAYS_ACTED_ON.has(detectIntent(text));

/**
 * kf_msg_or_event carries no message: it says "sync this account now". `keep` stores what a message carries (its
 * picture or voice note) even when the bot passes it by, so staff see everything the customer sent.
 */
export const kfEventHandlers = (
  kf: KfService,
  keep?: (app: Parameters<KfService['deliver']>[0], message: MessageRecord) => Promise<unknown>,
): Record<string, InboxHandler> => ({
  kf_msg_or_event: async ({ event, app, coverQueued }) => {
    const openKfId = event.payload.OpenKfId;
    if (!openKfId) return;
    // Every notice already queued for this account is answered by the sync that starts now.
    await coverQueued();
    const { busy } = await kf.sync(app, openKfId, event.payload.Token);
    // Another worker holds the account's sync lock: it goes round again for us if it is alive; if it died, its lock
    // runs out shortly. Either way this notice is done only once a sync has started after it: try again soon.
    if (busy) throw new Error('微信客服 account is being synced elsewhere: trying again later');
  },
  // One customer message, queued by the sync: the bot answers it (ordered per customer, parallel across customers).
  kf_message: async ({ event, app }) => {
    const { messageId, openKfId, externalUserId, sentAt } = event.payload;
    // Queued before the message's customer and time were carried: read it by id.
    if (!sentAt || !openKfId || !externalUserId) return void (await kf.deliverById(app, messageId!));
    // The bot reads the customer's latest messages anyway: read them once, and count from them what came after.
    const history = await kf.repository.conversation(app.merchantId, externalUserId, BOT_HISTORY);
    const at = history.findIndex((m) => String(m._id) === messageId);
    const wordsFromCustomer = (m: (typeof history)[number]) => isCustomerText(m) && m.openKfId === openKfId;
    const newerIn = (after: number) => history.slice(after + 1).filter(wordsFromCustomer).length;
    const ref = { id: messageId!, openKfId, externalUserId, sentAt: new Date(sentAt) };
    const found =
      at >= 0
        ? { message: history[at]!, newer: newerIn(at) }
        : await kf.repository.messageWithNewer(app.merchantId, ref, KF_BURST_ANSWERED); // deep in a burst, or gone
    if (!found.message) return { skipped: 'gone' };
    if (found.newer >= KF_BURST_ANSWERED && !mustActOn(found.message.text)) {
      await keep?.(app, found.message);
      return { skipped: 'superseded' };
    }
    await kf.deliver(app, found.message, at >= 0 ? { history } : undefined);
  },
});
