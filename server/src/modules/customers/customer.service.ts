import type { CustomerListQuery, CustomerUpdate } from '@xiaoer/common/schemas/customer';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRecord, CustomerRepository } from './customer.repository.js';

const CUSTOMER_NOT_FOUND = '没有找到这位客户，可能已被删除';

export type TagsChanged = (merchantId: MerchantId, customerId: string) => Promise<void>;

export class CustomerService {
  constructor(
    private customers: CustomerRepository,
    /** pushes the new tags to WeCom (a queued job, so a WeCom outage never loses the staff member's edit) */
    private onTagsChanged: TagsChanged = async () => {},
  ) {}

  async get(merchantId: MerchantId, id: string): Promise<CustomerRecord> {
    return orNotFound(await this.customers.findById(merchantId, id));
  }

  list(merchantId: MerchantId, query: CustomerListQuery) {
    return this.customers.list(merchantId, query);
  }

  async update(merchantId: MerchantId, id: string, patch: CustomerUpdate): Promise<CustomerRecord> {
    if (patch.tags) patch.tags = [...new Set(patch.tags)];
    const updated = orNotFound(await this.customers.update(merchantId, id, patch));
    if (patch.tags) await this.onTagsChanged(merchantId, id);
    return updated;
  }

  async addNote(merchantId: MerchantId, id: string, staffId: string, text: string): Promise<CustomerRecord> {
    return orNotFound(await this.customers.addNote(merchantId, id, { text, staffId }));
  }
}

function orNotFound(customer: CustomerRecord | null): CustomerRecord {
  if (!customer) throw notFound(CUSTOMER_NOT_FOUND);
  return customer;
}
