import type { InboxHandler } from '../wecom/inbox/inbox-processor.js';
import type { GroupSyncService } from './group-sync.service.js';

/** What the inbox does with WeCom's customer-group events: created, changed (members joined or left), dismissed. */
export const groupEventHandlers = (sync: GroupSyncService): Record<string, InboxHandler> => ({
  'change_external_chat/create': ({ event, app }) => sync.syncOne(app, event.payload.ChatId!).then(() => undefined),
  'change_external_chat/update': async ({ event, app, once }) => {
    const { ChatId, UpdateDetail, MemChangeCnt } = event.payload;
    const n = Number(MemChangeCnt ?? 0);
    const counts = UpdateDetail === 'add_member' ? { joined: n } : UpdateDetail === 'del_member' ? { left: n } : {};
    // counted once per event, even when the sync is retried
    await once('sync', () => sync.syncOne(app, ChatId!, counts));
  },
  'change_external_chat/dismiss': ({ event, app }) => sync.dismissed(app.merchantId, event.payload.ChatId!),
});
