// A customer group (客户群) as the sidebar shows it in a group chat: WeCom's details, and which members are
// customers we know (with their tags).
import type { GroupChatDto } from '@xiaoer/common/schemas/sidebar';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { ContactsApi } from '../wecom/api/contacts-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';

export class GroupChatService {
  constructor(
    private apps: WecomAppRepository,
    private contacts: ContactsApi,
    private customers: CustomerRepository,
  ) {}

  async detail(merchantId: MerchantId, chatId: string): Promise<GroupChatDto> {
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('还没有配置企业微信应用');
    const chat = await this.contacts.groupChat(app, chatId).catch((err: unknown) => {
      // 40050: not a group of this corp (or not a customer group): the same answer as for any unknown id.
      if (err instanceof WecomApiError && err.errcode === 40050)
        throw notFound('没有找到这个客户群，只有企业的客户群可以查看');
      throw err;
    });
    const external = chat.member_list.filter((m) => m.type === 2);
    const known = await this.customers.findManyByExternalUserIds(
      merchantId,
      external.map((m) => m.userid),
    );
    const owner = chat.member_list.find((m) => m.userid === chat.owner);
    return {
      chatId: chat.chat_id,
      name: chat.name || '未命名客户群',
      notice: chat.notice || undefined,
      ownerName: owner?.name || chat.owner,
      createdAt: new Date(chat.create_time * 1000).toISOString(),
      memberCount: chat.member_list.length,
      knownCustomers: known.map((c) => ({ id: c._id.toHexString(), name: c.remark || c.name, tags: c.tags })),
      unknownCustomerCount: external.length - known.length,
      staffCount: chat.member_list.length - external.length,
    };
  }
}
