// Wiring of the WeCom module: app credentials, the API client, callback intake, the inbox and its handlers.
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database.js';
import type { Config } from '../../config/env.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { Logger } from '../../logging/logger.js';
import type { JobRuntime } from '../../jobs/job-runtime.js';
import type { RedisLock } from '../../redis/lock.js';
import type { GroupSendRepository } from '../campaigns/group-send.repository.js';
import { GroupSendService } from '../campaigns/group-send.service.js';
import type { ChannelCodeRepository } from '../channels/channel-code.repository.js';
import { ChannelCodeService } from '../channels/channel-code.service.js';
import type { CorpTagRepository } from '../tags/corp-tag.repository.js';
import { TagSyncService } from '../tags/tag-sync.service.js';
import { TagsApi } from './api/tags-api.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import { openConversationsRepositories } from '../conversations/conversations.repositories.js';
import { kfEventHandlers } from '../conversations/kf-events.handler.js';
import { KfService } from '../conversations/kf.service.js';
import { ContactsApi } from './api/contacts-api.js';
import { IdentityApi } from './api/identity-api.js';
import { KfApi } from './api/kf-api.js';
import type { OutboundGuard } from '../../net/outbound-guard.js';
import { MediaService } from './media.service.js';
import { GroupChatService } from '../groups/group-chat.service.js';
import { JsSdkService } from './jssdk.service.js';
import { ConfigCheckService } from './config-check.service.js';
import { CredentialCache } from './api/credential-cache.js';
import { WecomClient } from './api/wecom-client.js';
import { CallbackIntakeService } from './callback/callback-intake.service.js';
import { contactEventHandlers, type ContactEventDeps } from './contacts/contact-events.handler.js';
import { GroupSyncService } from '../groups/group-sync.service.js';
import type { GroupChatRepository } from '../groups/group.repository.js';
import { ContactSyncService } from './contacts/contact-sync.service.js';
import { InboxProcessor, type InboxHandler } from './inbox/inbox-processor.js';
import { InboxSignal } from './inbox/inbox-signal.js';
import { openWecomRepositories } from './wecom.repositories.js';
import type { WecomCredentials } from './wecom-app.repository.js';
import type { MessageRecord } from '../conversations/kf.repository.js';

export interface WecomDeps {
  config: Config;
  logger: Logger;
  jobs: JobRuntime;
  db: Database;
  redis: Redis;
  locks: RedisLock;
  rateLimiter: FixedWindowRateLimiter;
  secrets: SecretBox;
  customers: CustomerRepository;
  staff: StaffRepository;
  merchants: MerchantRepository;
  groupChats: GroupChatRepository;
  groupSends: GroupSendRepository;
  channelCodes: ChannelCodeRepository;
  corpTags: CorpTagRepository;
  /** merchant-supplied URLs (script images) are fetched only through it */
  outbound: OutboundGuard;
  /** told when a customer deletes a staff member (the owner alerts, built after WeCom) */
  onCustomerLeft?: ContactEventDeps['onCustomerLeft'];
}

export function buildWecom(d: WecomDeps) {
  const { apps, inbox, contactSyncRuns } = openWecomRepositories(d.db, d.secrets);
  const inboxSignal = new InboxSignal(d.redis, d.logger);
  const cache = new CredentialCache(d.redis, d.locks, d.secrets, d.logger);
  const client = new WecomClient(
    { baseUrl: d.config.wecom.apiBase, timeoutMs: d.config.wecom.timeoutMs },
    cache,
    d.rateLimiter,
    d.logger,
  );
  const contactsApi = new ContactsApi(client);
  const kfApi = new KfApi(client);
  const identity = new IdentityApi(client, cache);
  const tags = new TagSyncService(d.corpTags, new TagsApi(client), contactsApi, d.customers);
  const channelCodes = new ChannelCodeService(d.channelCodes, apps, d.staff, client);
  const pullTags: InboxHandler = async ({ app }) => void (await tags.pull(app));
  const queueCustomerMessage = async (app: WecomCredentials, message: MessageRecord) => {
    const stored = await inbox.insert(app.merchantId, {
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
    if (stored) inboxSignal.announce('due');
  };
  const kf = new KfService(
    openConversationsRepositories(d.db).kf,
    kfApi,
    d.locks,
    d.redis,
    d.merchants,
    d.logger,
    queueCustomerMessage,
  );
  const groupSync = new GroupSyncService({
    groups: d.groupChats,
    contacts: contactsApi,
    customers: d.customers,
    staff: d.staff,
  });
  const handlers: Record<string, InboxHandler> = {
    // Customer groups: created, changed (members joined or left, renamed), dismissed.
    'change_external_chat/create': ({ event, app }) =>
      groupSync.syncOne(app, event.payload.ChatId!).then(() => undefined),
    'change_external_chat/update': async ({ event, app, once }) => {
      const { ChatId, UpdateDetail, MemChangeCnt } = event.payload;
      const n = Number(MemChangeCnt ?? 0);
      const counts = UpdateDetail === 'add_member' ? { joined: n } : UpdateDetail === 'del_member' ? { left: n } : {};
      await once('sync', () => groupSync.syncOne(app, ChatId!, counts));
    },
    'change_external_chat/dismiss': ({ event, app }) => groupSync.dismissed(app.merchantId, event.payload.ChatId!),
    ...kfEventHandlers(kf),
    // Any change to corp tags made in WeCom: mirror the list again (cheap, and correct whatever changed).
    'change_external_tag/create': pullTags,
    'change_external_tag/update': pullTags,
    'change_external_tag/delete': pullTags,
    'change_external_tag/shuffle': pullTags,
    ...contactEventHandlers({
      contactsApi,
      channelCodes,
      customers: d.customers,
      staff: d.staff,
      merchants: d.merchants,
      logger: d.logger,
      publicUrl: d.config.http.publicUrl ?? 'https://work.weixin.qq.com',
      onCustomerLeft: d.onCustomerLeft,
    }),
  };
  return {
    apps,
    inbox,
    groupSync,
    client,
    contactsApi,
    kfApi,
    identity,
    tags,
    channelCodes,
    groupSends: new GroupSendService(d.groupSends, d.customers, d.staff, apps, client),
    configCheck: new ConfigCheckService(apps, d.staff, client),
    contactSync: new ContactSyncService(contactSyncRuns, contactsApi, d.customers, d.staff),
    jssdk: new JsSdkService(apps, identity),
    media: new MediaService(d.redis, d.locks, contactsApi, apps, d.outbound),
    groupChats: new GroupChatService(apps, contactsApi, d.customers),
    kf,
    kfRepository: kf.repository,
    inboxSignal,
    intake: new CallbackIntakeService(apps, inbox, d.logger, inboxSignal),
    inboxProcessor: new InboxProcessor(inbox, apps, handlers, d.logger, {
      pollMs: d.config.jobs.inboxPollMs,
      concurrency: 8,
      // renewed every third of it while an event is handled (inbox-processor.ts)
      leaseMs: 10_000,
      maxAttempts: 8,
    }),
  };
}

export type Wecom = ReturnType<typeof buildWecom>;
