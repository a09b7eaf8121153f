import type { IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import type { ProductStockSync } from '../../catalog/product-stock-sync.js';
import type { CustomerRepository } from '../../customers/customer.repository.js';
import type { OrderRepository } from '../../orders/order.repository.js';
import type { ShopDataRepositories } from '../../shop-data/shop-data.js';
import type { IntakeKind } from '../intake-kind.js';
import { activitiesKind, festivalOffersKind } from './activities.kind.js';
import { appointmentsKind } from './appointments.kind.js';
import { assessmentsKind } from './assessments.kind.js';
import { attendanceKind, coursePackagesKind } from './courses.kind.js';
import { memberCardsKind } from './member-cards.kind.js';
import { membersKind } from './members.kind.js';
import { ordersKind } from './orders.kind.js';
import { redemptionsKind, rotaKind, temperaturesKind } from './restaurant.kind.js';
import { reviewsKind } from './reviews.kind.js';
import { closuresKind, homeworkKind, lessonsKind } from './schedule.kind.js';
import { shipmentsKind } from './shipments.kind.js';
import { pointsKind } from './points.kind.js';
import { staffLeavesKind } from './staff-leaves.kind.js';
import { stockKind, stockMovementsKind } from './stock.kind.js';

/** Every kind of record the intake takes, by the name in its URL. */
export function buildIntakeKinds(d: {
  orders: OrderRepository;
  customers: CustomerRepository;
  shopData: ShopDataRepositories;
  productStock: ProductStockSync;
}): Record<IntakeKindName, IntakeKind> {
  return {
    orders: ordersKind(d.orders),
    stock: stockKind(d.shopData.stock, d.productStock),
    'stock-movements': stockMovementsKind(d.shopData.movements),
    appointments: appointmentsKind(d.shopData.appointments),
    'course-packages': coursePackagesKind(d.shopData.packages),
    attendance: attendanceKind(d.shopData.attendance),
    'member-cards': memberCardsKind(d.shopData.cards),
    reviews: reviewsKind(d.shopData.reviews),
    members: membersKind(d.customers, d.shopData.cards),
    lessons: lessonsKind(d.shopData),
    homework: homeworkKind(d.shopData),
    closures: closuresKind(d.shopData.closures),
    'staff-leaves': staffLeavesKind(d.shopData.leaves),
    shipments: shipmentsKind(d.shopData.shipments),
    points: pointsKind(d.shopData.points),
    temperatures: temperaturesKind(d.shopData.temperatures),
    rota: rotaKind(d.shopData.rota),
    redemptions: redemptionsKind(d.shopData.redemptions),
    activities: activitiesKind(d.shopData.activities),
    'festival-offers': festivalOffersKind(d.shopData.festivalOffers),
    assessments: assessmentsKind(d.shopData),
  };
}
