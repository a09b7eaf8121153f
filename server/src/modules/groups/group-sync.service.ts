// Customer groups kept in step with WeCom: a full sync (groupchat/list, then groupchat/get for each) and the
// change_external_chat events (created, members joined or left, renamed, dismissed). Upserts by chat id make both
// idempotent; the join / leave counts come from the events, each applied once by the inbox.
import type { GroupLayer } from '@xiaoer/common/constants/groups';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { ContactsApi } from '../wecom/api/contacts-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { GroupChatRecord, GroupChatRepository } from './group.repository.js';

export class GroupSyncService {
  constructor(
    private d: {
      groups: GroupChatRepository;
      contacts: ContactsApi;
      customers: CustomerRepository;
      staff: StaffRepository;
    },
  ) {}

  /** Every group of the corp, page by page. */
  async syncAll(app: WecomCredentials): Promise<number> {
    let cursor = '';
    let synced = 0;
    do {
      const page = await this.d.contacts.groupChatList(app, cursor);
      for (const chat of page.chatIds) if (await this.syncOne(app, chat)) synced++;
      cursor = page.nextCursor;
    } while (cursor);
    return synced;
  }

  /** One group's current details; a group WeCom no longer knows (40050) is marked dismissed. */
  async syncOne(
    app: WecomCredentials,
    chatId: string,
    counts: { joined?: number; left?: number } = {},
  ): Promise<boolean> {
    const { merchantId } = app;
    const chat = await this.d.contacts.groupChat(app, chatId).catch((err: unknown) => {
      if (err instanceof WecomApiError && err.errcode === 40050) return null;
      throw err;
    });
    if (!chat) {
      await this.d.groups.markDismissed(merchantId, chatId);
      return false;
    }
    const external = chat.member_list.filter((m) => m.type === 2).map((m) => m.userid);
    const [customers, owner] = await Promise.all([
      this.d.customers.findManyByExternalUserIds(merchantId, external),
      this.d.staff.findByWecomUserId(merchantId, chat.owner),
    ]);
    await this.d.groups.saveFromWecom(
      merchantId,
      chatId,
      {
        name: chat.name || '未命名客户群',
        ownerUserId: chat.owner,
        notice: chat.notice || undefined,
        memberCount: chat.member_list.length,
        customerIds: customers.map((c) => c._id),
        ...(owner ? { ownerStaffId: owner._id } : {}),
      },
      counts,
    );
    return true;
  }

  async dismissed(merchantId: MerchantId, chatId: string): Promise<void> {
    await this.d.groups.markDismissed(merchantId, chatId);
  }

  async setLayer(merchantId: MerchantId, chatId: string, layer: GroupLayer): Promise<void> {
    if (!(await this.d.groups.setLayer(merchantId, chatId, layer))) throw notFound('没有找到这个客户群');
  }

  list(merchantId: MerchantId): Promise<GroupChatRecord[]> {
    return this.d.groups.listLive(merchantId);
  }
}
