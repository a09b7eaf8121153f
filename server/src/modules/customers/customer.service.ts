import type { CustomerListQuery, CustomerUpdate } from '@xiaoer/common/schemas/customer';
import { roleAtLeast } from '@xiaoer/common/constants/roles';
import type { Session } from '../../auth/session.js';
import { AppError, forbidden, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import { tenantKey } from '../../redis/keys.js';
import type { CustomerRecord, CustomerRepository } from './customer.repository.js';
import { FULL_PHONE } from './customer.repository.js';
import { STAFF_PHONE_LOOKUPS } from './customer-limits.js';

const CUSTOMER_NOT_FOUND = '没有找到这位客户，可能已被删除';

export type TagsChanged = (merchantId: MerchantId, customerId: string) => Promise<void>;

export class CustomerService {
  constructor(
    private customers: CustomerRepository,
    private limiter: Pick<FixedWindowRateLimiter, 'consume'>,
    /** pushes the new tags to WeCom (a queued job, so a WeCom outage never loses the staff member's edit) */
    private onTagsChanged: TagsChanged = async () => {},
  ) {}

  async get(merchantId: MerchantId, id: string): Promise<CustomerRecord> {
    return orNotFound(await this.customers.findById(merchantId, id));
  }

  /**
   * Staff find a customer by the whole phone number only, a limited number of times (STAFF_PHONE_LOOKUPS), so the
   * masked digits cannot be walked; managers and owners also by its last digits.
   */
  async list(session: Pick<Session, 'merchantId' | 'role' | 'staffId'>, query: CustomerListQuery) {
    const manager = roleAtLeast(session.role, 'manager');
    if (!manager && query.q && FULL_PHONE.test(query.q))
      await this.countPhoneLookup(session.merchantId, session.staffId);
    return this.customers.list(session.merchantId, query, { phoneSuffix: manager });
  }

  /** Fails closed: without Redis the count cannot be kept, so staff phone lookups wait (name search still works). */
  private async countPhoneLookup(merchantId: MerchantId, staffId: string): Promise<void> {
    const key = tenantKey(merchantId, 'rl', 'phone-lookup', staffId);
    const decision = await this.limiter
      .consume(key, STAFF_PHONE_LOOKUPS.limit, STAFF_PHONE_LOOKUPS.windowMs)
      .catch(() => null);
    if (!decision)
      throw new AppError('service_unavailable', { message: '暂时不能按手机号查找，请稍后再试或按姓名查找' });
    if (!decision.allowed)
      throw new AppError('rate_limited', { message: '按手机号查找太频繁了，请一小时后再试，或按姓名查找' });
  }

  /**
   * Profile fields as given, by role (touchesManagedFields). Consent: anyone may record an opt-out, with a reason
   * (the customer's pending drafts are cancelled); clearing one is the owner's alone and needs a reason, both kept in
   * the customer's consent log.
   */
  async update(session: Session, id: string, patch: CustomerUpdate): Promise<CustomerRecord> {
    const { merchantId, staffId } = session;
    const { optedOut, optOutReason, ...profile } = patch;
    const current = orNotFound(await this.customers.findById(merchantId, id));
    const clearing = optedOut === false && current.optedOut;
    if (clearing && session.role !== 'owner') throw forbidden('只有老板可以恢复客户接收营销消息');
    if (!roleAtLeast(session.role, 'manager') && touchesManagedFields(current, profile))
      throw forbidden('生日、会员号和已记录的手机号只有店长或老板可以修改');
    if (clearing && !optOutReason)
      throw new AppError('validation_failed', { fields: { optOutReason: '请写明恢复接收的原因' } });

    if (profile.tags) profile.tags = [...new Set(profile.tags)];
    let updated = current;
    if (Object.keys(profile).length) updated = orNotFound(await this.customers.update(merchantId, id, profile));
    if (optedOut) {
      const entry = { by: staffId, via: 'staff' as const, ...(optOutReason && { reason: optOutReason }) };
      updated = orNotFound(await this.customers.optOut(merchantId, { id }, entry));
    }
    if (clearing) {
      const cleared = await this.customers.clearOptOut(merchantId, id, { by: staffId, reason: optOutReason! });
      updated = cleared ?? (await this.get(merchantId, id)); // null: someone cleared it a moment ago
    }
    if (profile.tags) await this.onTagsChanged(merchantId, id);
    return updated;
  }

  async addNote(merchantId: MerchantId, id: string, staffId: string, text: string): Promise<CustomerRecord> {
    return orNotFound(await this.customers.addNote(merchantId, id, { text, staffId }));
  }
}

/**
 * The birthday, member number and a recorded phone are the manager's and the owner's (staff see the phone masked);
 * staff may record a phone when none is, as they take it at the counter.
 */
function touchesManagedFields(current: CustomerRecord, patch: CustomerUpdate): boolean {
  return (
    patch.birthday !== undefined ||
    patch.memberNo !== undefined ||
    (patch.phone !== undefined && Boolean(current.phone) && patch.phone !== current.phone)
  );
}

function orNotFound(customer: CustomerRecord | null): CustomerRecord {
  if (!customer) throw notFound(CUSTOMER_NOT_FOUND);
  return customer;
}
