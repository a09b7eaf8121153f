// 微信客服 conversations: sessions, messages and the send pipe. Customer messages are queued on the integration's
// inbox (one lane per customer), and the inbox's 微信客服 events are handled here. The pictures, voice notes and files
// customers send are fetched from WeCom as they arrive (before the bot reads them) and shown to staff behind signed
// links.
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { Logger } from '../../logging/logger.js';
import type { RedisLock } from '../../redis/lock.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import { openConversationsRepositories } from './conversations.repositories.js';
import { conversationRoutes, kfMediaFileRoutes } from './conversations.routes.js';
import { KfMediaLinks } from './kf-media-links.js';
import { KfMediaService } from './kf-media.service.js';
import { kfEventHandlers } from './kf-events.handler.js';
import type { MessageRecord } from './kf.repository.js';
import { KfService } from './kf.service.js';

export interface ConversationsModuleDeps {
  db: Database;
  redis: Redis;
  locks: RedisLock;
  logger: Logger;
  merchants: MerchantRepository;
  wecom: Pick<Wecom, 'kfApi' | 'inbox' | 'inboxSignal' | 'handlers'>;
  /** signs the links to customers' media (the server's session secret; a key is derived from it) */
  mediaLinkSecret: string;
  /** whether the shop is live (开始营业): a shop in setup does not greet customers who open its 微信客服 chat */
  live: (merchantId: MerchantId) => Promise<boolean>;
}

export function build(d: ConversationsModuleDeps) {
  const { kf: repository, media: mediaRepository } = openConversationsRepositories(d.db);
  const queueCustomerMessage = async (app: WecomCredentials, message: MessageRecord) => {
    const stored = await d.wecom.inbox.insert(app.merchantId, {
      corpId: app.corpId,
      dedupeKey: `kfmsg:${message.wecomMsgId}`,
      kind: 'kf_message',
      orderingKey: `kf:${message.openKfId}:${message.externalUserId}`,
      // After the syncs (priority 1), which are quick and bring every shop's new messages in.
      priority: 2,
      payload: {
        messageId: String(message._id),
        openKfId: message.openKfId,
        externalUserId: message.externalUserId,
        sentAt: message.sentAt.toISOString(),
      },
    });
    if (stored) d.wecom.inboxSignal.announce('due');
  };
  const kf = new KfService(
    repository,
    d.wecom.kfApi,
    d.locks,
    d.redis,
    d.merchants,
    d.logger,
    queueCustomerMessage,
    d.live,
  );
  // first of the listeners: the media is stored whatever the bot then does (off, business hours, a person serving,
  // or a burst of newer words it answers instead)
  const media = new KfMediaService(mediaRepository, d.wecom.kfApi, d.logger);
  kf.onCustomerMessage(async (app, message) => void (await media.fetch(app, message)));
  d.wecom.handlers.register(kfEventHandlers(kf, (app, message) => media.fetch(app, message)));
  const links = new KfMediaLinks(d.mediaLinkSecret);
  const routes: RoutesOf = () => ({
    api: [conversationRoutes(repository, media, links)],
    public: [kfMediaFileRoutes(media, links)],
  });
  return { kf, repository, media, routes };
}
