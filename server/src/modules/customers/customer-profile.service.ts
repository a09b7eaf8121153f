// The customer as the sidebar shows them: the record, what their orders and other visits say, their latest orders.
import type { CustomerProfileDto } from '@xiaoer/common/schemas/sidebar';
import type { StaffRole } from '@xiaoer/common/constants/roles';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { presentOrder } from '../orders/order.presenter.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { customerInsights } from './customer-insights.js';
import { presentCustomer } from './customer.presenter.js';
import type { CustomerRecord, CustomerRepository } from './customer.repository.js';
import type { VisitReader } from './visit-reader.js';

/** Enough history for the rhythm and favourites of even a daily regular, without reading years of orders. */
const HISTORY = 200;

export class CustomerProfileService {
  constructor(
    private customers: CustomerRepository,
    private orders: OrderRepository,
    private merchants: MerchantRepository,
    private visits: Pick<VisitReader, 'beyondOrdersOf'>,
  ) {}

  async byExternalUserId(
    merchantId: MerchantId,
    externalUserId: string,
    viewer: StaffRole,
  ): Promise<CustomerProfileDto> {
    const customer = await this.customers.findByExternalUserId(merchantId, externalUserId);
    if (!customer) throw notFound('还没有这位客户的资料：客户添加员工后会自动建档，请稍后刷新');
    return this.profile(merchantId, customer, viewer);
  }

  async byId(merchantId: MerchantId, id: string, viewer: StaffRole): Promise<CustomerProfileDto> {
    const customer = await this.customers.findById(merchantId, id);
    if (!customer) throw notFound('没有找到这位客户，可能已被删除');
    return this.profile(merchantId, customer, viewer);
  }

  private async profile(
    merchantId: MerchantId,
    customer: CustomerRecord,
    viewer: StaffRole,
  ): Promise<CustomerProfileDto> {
    const [orders, merchant, beyondOrders] = await Promise.all([
      this.orders.forCustomer(merchantId, customer._id, HISTORY),
      this.merchants.findById(merchantId),
      this.visits.beyondOrdersOf(merchantId, customer._id),
    ]);
    return {
      customer: presentCustomer(customer, viewer),
      insights: customerInsights(orders, merchant!.industry, customer.firstContactAt, new Date(), beyondOrders),
      recentOrders: orders.slice(0, 5).map(presentOrder),
    };
  }
}
