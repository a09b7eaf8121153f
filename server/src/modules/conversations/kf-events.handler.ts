import type { InboxHandler } from '../wecom/inbox/inbox-processor.js';
import type { KfService } from './kf.service.js';

/** kf_msg_or_event carries no message: it says "sync this account now". */
export const kfEventHandlers = (kf: KfService): Record<string, InboxHandler> => ({
  kf_msg_or_event: async ({ event, app }) => {
    const openKfId = event.payload.OpenKfId;
    if (!openKfId) return;
    await kf.sync(app, openKfId, event.payload.Token);
  },
  // One customer message, queued by the sync: the bot answers it (ordered per customer, parallel across customers).
  kf_message: async ({ event, app }) => {
    await kf.deliverById(app, event.payload.messageId!);
  },
});
