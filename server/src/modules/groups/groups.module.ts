// Customer groups: their layers, the group calendar and its posts, interaction replies, join codes and welcomes.
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { Logger } from '../../logging/logger.js';
import type { LlmSettingsService } from '../ai/llm-settings.service.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { KfService } from '../conversations/kf.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import type { WeatherService } from '../weather/weather.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import { groupCalendarJob } from './group-calendar.job.js';
import { groupCalendarRoutes } from './group-calendar.routes.js';
import { GroupCalendarService } from './group-calendar.service.js';
import { GroupChatService } from './group-chat.service.js';
import type { GroupEntryRepository } from './group-entry.repository.js';
import { GroupEntryService } from './group-entry.service.js';
import { groupEventHandlers } from './group-events.handler.js';
import { GroupInteractionService } from './group-interaction.service.js';
import type { GroupPostRepository } from './group-post.repository.js';
import { groupOperationsRoutes } from './group-post.routes.js';
import { GroupPostService } from './group-post.service.js';
import { GroupSyncService } from './group-sync.service.js';
import type { GroupChatRepository } from './group.repository.js';
import { groupRoutes } from './group.routes.js';
import type { GroupInteractionRepository } from './interaction.repository.js';

export interface GroupsModuleDeps {
  fanOut: MerchantFanOut;
  logger: Logger;
  groupChats: GroupChatRepository;
  groupPosts: GroupPostRepository;
  groupInteractions: GroupInteractionRepository;
  groupEntries: GroupEntryRepository;
  customers: CustomerRepository;
  staff: StaffRepository;
  orders: OrderRepository;
  merchants: MerchantRepository;
  shopData: Pick<ShopDataRepositories, 'packages' | 'attendance'>;
  knowledge: KnowledgeBaseService;
  llm: Pick<LlmSettingsService, 'engineFor'>;
  weather: Pick<WeatherService, 'tomorrow'>;
  wecom: Pick<Wecom, 'apps' | 'client' | 'contactsApi' | 'handlers'>;
  groupSends: GroupSendService;
  /** 微信客服: "接龙+…" / "预约+…" written there count for the groups' posts */
  kf: Pick<KfService, 'onCustomerMessage'>;
}

export function build(d: GroupsModuleDeps) {
  const sync = new GroupSyncService({
    groups: d.groupChats,
    contacts: d.wecom.contactsApi,
    customers: d.customers,
    staff: d.staff,
  });
  const chats = new GroupChatService(d.wecom.apps, d.wecom.contactsApi, d.customers);
  d.wecom.handlers.register(groupEventHandlers(sync));
  const posts = new GroupPostService({
    posts: d.groupPosts,
    groups: d.groupChats,
    customers: d.customers,
    knowledge: d.knowledge,
    groupSends: d.groupSends,
    attendance: { packages: d.shopData.packages, attendance: d.shopData.attendance },
    engineFor: (merchantId, kb) => d.llm.engineFor(merchantId, kb),
  });
  const calendars = new GroupCalendarService({ merchants: d.merchants });
  const entries = new GroupEntryService({
    entries: d.groupEntries,
    groups: d.groupChats,
    apps: d.wecom.apps,
    client: d.wecom.client,
    knowledge: d.knowledge,
  });
  const interactions = new GroupInteractionService({
    posts: d.groupPosts,
    groups: d.groupChats,
    interactions: d.groupInteractions,
    groupSends: d.groupSends,
    customers: d.customers,
    orders: d.orders,
    knowledge: d.knowledge,
  });
  // a failure to count an interaction must not hold up the bot's answer
  d.kf.onCustomerMessage((app, message) =>
    interactions.fromKf(app, message).catch((err) => d.logger.error({ err }, 'group interaction not recorded')),
  );
  const routes: RoutesOf = () => ({
    api: [
      groupRoutes(chats),
      groupOperationsRoutes(sync, posts, interactions, entries, d.wecom.apps),
      groupCalendarRoutes(calendars),
    ],
  });
  const jobs = [groupCalendarJob({ ...d.fanOut, merchants: d.merchants, groupPosts: posts, weather: d.weather })];
  return { sync, chats, posts, calendars, entries, interactions, routes, jobs };
}
