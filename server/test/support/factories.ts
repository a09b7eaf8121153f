// Test data builders that write through the product's own repositories, with sensible Chinese defaults.
import type { StaffRole } from '@xiaoer/common/constants/roles';
import type { Container } from '../../src/app/container.js';
import type { Customer } from '../../src/modules/customers/customer.model.js';
import type { CustomerRecord, NewCustomer } from '../../src/modules/customers/customer.repository.js';
import type { Merchant } from '../../src/modules/merchants/merchant.model.js';
import type { MerchantRecord } from '../../src/modules/merchants/merchant.repository.js';
import type { ShopRecord } from '../../src/modules/shops/shop.repository.js';
import type { StaffRecord } from '../../src/modules/staff/staff.repository.js';
import { asMerchantId, type MerchantId } from '../../src/tenancy/merchant-id.js';

let sequence = 0;
const next = () => ++sequence;

export const buildMerchant = (c: Container, overrides: Partial<Merchant> = {}): Promise<MerchantRecord> =>
  c.repositories.merchants.create({ name: `测试奶茶店${next()}`, industry: '餐饮', ...overrides });

export const buildShop = (
  c: Container,
  merchantId: MerchantId,
  overrides: { name?: string; address?: string } = {},
): Promise<ShopRecord> => c.services.shops.add(merchantId, { name: `门店${next()}`, ...overrides });

export async function buildStaff(
  c: Container,
  merchantId: MerchantId,
  role: StaffRole = 'staff',
  name?: string,
): Promise<StaffRecord> {
  const n = next();
  const [staff] = await c.repositories.staff.insertMany(merchantId, [
    { wecomUserId: `user${n}`, name: name ?? `员工${n}`, role, shopIds: [], active: true },
  ]);
  return staff!;
}

export async function buildCustomer(
  c: Container,
  merchantId: MerchantId,
  overrides: Partial<Customer> = {},
): Promise<CustomerRecord> {
  const n = next();
  const now = new Date();
  await c.repositories.customers.insertMany(merchantId, [
    {
      externalUserId: `wm_ext_${n}`,
      name: `顾客${n}`,
      gender: 'unknown',
      tags: [],
      sourceChannel: 'table_card',
      followStaffIds: [],
      notes: [],
      firstContactAt: now,
      lastContactAt: now,
      consentMarketing: true,
      optedOut: false,
      ...overrides,
    } as NewCustomer,
  ]);
  const page = await c.repositories.customers.list(merchantId, { limit: 100, q: overrides.name ?? `顾客${n}` });
  return page.items[0]!;
}

/** A merchant with an owner, a manager and a staff member, and a session token for each. */
export async function buildTenant(c: Container) {
  const merchant = await buildMerchant(c);
  const merchantId = asMerchantId(merchant._id);
  const shop = await buildShop(c, merchantId);
  const people = {
    owner: await buildStaff(c, merchantId, 'owner'),
    manager: await buildStaff(c, merchantId, 'manager'),
    staff: await buildStaff(c, merchantId, 'staff'),
  };
  const token = async (role: StaffRole) => (await c.services.auth.issueFor(people[role])).token;
  return {
    merchant,
    merchantId,
    shop,
    people,
    tokens: { owner: await token('owner'), manager: await token('manager'), staff: await token('staff') },
  };
}
