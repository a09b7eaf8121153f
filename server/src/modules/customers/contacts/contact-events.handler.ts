// What each customer-contact event does. Every step is idempotent or recorded with once(), so a retry after a crash
// neither duplicates a customer nor sends a second welcome message.
import type { Logger } from '../../../logging/logger.js';
import { FULL_PHONE, type CustomerRecord, type CustomerRepository } from '../customer.repository.js';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../../merchants/merchant.repository.js';
import type { StaffRepository } from '../../staff/staff.repository.js';
import type { ChannelCodeService } from '../../channels/channel-code.service.js';
import type { ContactsApi } from '../../wecom/api/contacts-api.js';
import { WecomApiError } from '../../wecom/api/wecom-errors.js';
import type { InboxContext, InboxHandler } from '../../wecom/inbox/inbox-processor.js';
import { channelFromState, genderFromWecom, renderWelcome } from './welcome-message.js';

/** Welcome codes that can no longer be used: already used, expired, or another app is sending. */
const WELCOME_GONE = new Set([41051, 41096, 40097]);

export interface ContactEventDeps {
  contactsApi: ContactsApi;
  channelCodes: ChannelCodeService;
  customers: CustomerRepository;
  staff: StaffRepository;
  merchants: MerchantRepository;
  logger: Logger;
  publicUrl: string;
  /** the owner's side of a lost customer (an alert with what they were worth) */
  onCustomerLeft?: (merchantId: MerchantId, customer: CustomerRecord, staffName: string) => Promise<void>;
}

export function contactEventHandlers(d: ContactEventDeps): Record<string, InboxHandler> {
  async function refresh({ event, app }: InboxContext) {
    const { UserID, ExternalUserID, State } = event.payload;
    const profile = await d.contactsApi.getExternalContact(app, ExternalUserID!);
    const member = await d.staff.findByWecomUserId(app.merchantId, UserID!);
    const follow = profile.follow_user.find((f) => f.userid === UserID);
    const customer = await d.customers.upsertFromWecom(app.merchantId, ExternalUserID!, {
      name: profile.external_contact.name,
      avatar: profile.external_contact.avatar,
      gender: genderFromWecom(profile.external_contact.gender),
      followStaffId: member?._id,
      sourceChannel: channelFromState(State ?? follow?.state),
    });
    // the number the member noted on the contact lets POS orders find the customer; the shop's own stays
    const noted = follow?.remark_mobiles?.find((m) => FULL_PHONE.test(m));
    if (noted && !customer.phone && (await d.customers.setPhoneIfMissing(app.merchantId, customer._id, noted)))
      customer.phone = noted;
    return customer;
  }

  return {
    'change_external_contact/add_external_contact': async (ctx) => {
      const customer = await refresh(ctx);
      await ctx.once('counted', async () => {
        await d.channelCodes.countAdd(ctx.app.merchantId, ctx.event.payload.State, ctx.event.payload.ExternalUserID!);
        return true;
      });
      const code = ctx.event.payload.WelcomeCode;
      if (!code) return; // the member already greeted them, or the customer was added from the member's side
      await ctx.once('welcome', async () => {
        const merchant = await d.merchants.findById(ctx.app.merchantId);
        const text = renderWelcome(ctx.app.welcomeTemplates, customer.sourceChannel, {
          customerName: customer.remark || customer.name,
          shopName: merchant?.name ?? '',
        });
        try {
          await d.contactsApi.sendWelcomeMessage(ctx.app, code, text);
          return 'sent';
        } catch (err) {
          if (err instanceof WecomApiError && WELCOME_GONE.has(err.errcode)) return `skipped:${err.errcode}`;
          throw err;
        }
      });
    },

    'change_external_contact/edit_external_contact': async (ctx) => {
      await refresh(ctx);
    },

    // The customer deleted the member: churn. Tell the member while it is fresh.
    'change_external_contact/del_follow_user': async ({ event, app, once }) => {
      const { UserID, ExternalUserID } = event.payload;
      const customer = await d.customers.setContactStatus(app.merchantId, ExternalUserID!, 'deleted_by_customer');
      if (!customer) return;
      await once('alert', async () => {
        await d.contactsApi.sendAppTextCard(app, [UserID!], {
          title: '有客户删除了你',
          description: `「${customer.remark || customer.name}」刚刚删除了你的企业微信。上次联系：${customer.lastContactAt.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}。可以请店长看看最近的服务或订单有没有问题。`,
          url: `${d.publicUrl}/customers/${customer._id.toHexString()}`,
        });
        return 'sent';
      });
      if (d.onCustomerLeft) {
        await once('owner_alert', async () => {
          const member = await d.staff.findByWecomUserId(app.merchantId, UserID!);
          await d.onCustomerLeft!(app.merchantId, customer, member?.name ?? UserID!);
          return 'raised';
        });
      }
    },

    'change_external_contact/del_external_contact': async ({ event, app }) => {
      await d.customers.setContactStatus(app.merchantId, event.payload.ExternalUserID!, 'deleted_by_staff');
    },
  };
}
