import type { KfRepository } from '../../conversations/kf.repository.js';
import type { CustomerRepository } from '../../customers/customer.repository.js';
import type { OrderRepository } from '../../orders/order.repository.js';
import type { WeatherService } from '../../weather/weather.service.js';
import { badReviewDetector } from './bad-review.detector.js';
import { campaignFailedDetector } from './campaign-failed.detector.js';
import { customerLeftDetector } from './customer-left.detector.js';
import type { IntakeDetector, ScanDetector } from './detector.js';
import { expiringStockDetector } from './expiring-stock.detector.js';
import { fridgeTemperatureDetector, type TemperatureReader } from './fridge-temperature.detector.js';
import { handoffWaitingDetector } from './handoff-waiting.detector.js';
import { holidayPrepDetector } from './holiday-prep.detector.js';
import { lowStockDetectors } from './low-stock.detector.js';
import { messageBacklogDetector } from './message-backlog.detector.js';
import { newOrderDetector } from './new-order.detector.js';
import { orderTimeoutDetector } from './order-timeout.detector.js';
import { oversellRiskDetector } from './oversell-risk.detector.js';
import { peakHourDetector } from './peak-hour.detector.js';
import type { ReviewReader, SaleMovementReader, StockReader } from './readers.js';
import { redemptionAnomalyDetector, type RedemptionReader } from './redemption-anomaly.detector.js';
import { returnRateDetector } from './return-rate.detector.js';
import { rotaConflictDetector, type LeaveReader, type RotaReader } from './rota-conflict.detector.js';
import { salesSpikeDetector } from './sales-spike.detector.js';
import { shipmentStuckDetector, type ShipmentReader } from './shipment-stuck.detector.js';
import { slowMoversDetector } from './slow-movers.detector.js';
import { stockCoverDetector } from './stock-cover.detector.js';
import { weatherPrepDetector } from './weather-prep.detector.js';
import { weatherOfferDetector } from './weather-offer.detector.js';

/** What the detectors read, all told: each detector takes only its part. */
export interface DetectorDeps {
  orders: Pick<
    OrderRepository,
    | 'count'
    | 'paidBetween'
    | 'itemSalesSince'
    | 'itemSalesBetween'
    | 'itemReturnsSince'
    | 'firstOrderAt'
    | 'inRange'
    | 'forCustomer'
    | 'paidItemsSince'
  >;
  stock: StockReader;
  movements: SaleMovementReader;
  reviews: ReviewReader;
  customers: Pick<CustomerRepository, 'findManyByExternalUserIds'>;
  kf: Pick<KfRepository, 'waitingForStaff' | 'unansweredBetween'>;
  weather: Pick<WeatherService, 'tomorrow'>;
  shipments: ShipmentReader;
  temperatures: TemperatureReader;
  rota: RotaReader;
  leaves: LeaveReader;
  redemptions: RedemptionReader;
}

/** Every owner alert kind, by what sets it off. Alerts are raised in this order. */
export function buildDetectors(d: DetectorDeps) {
  const lowStock = lowStockDetectors(d);
  const scan: ScanDetector[] = [
    lowStock.scan,
    orderTimeoutDetector(d),
    expiringStockDetector(d),
    slowMoversDetector(d),
    holidayPrepDetector(d),
    handoffWaitingDetector(d),
    weatherPrepDetector(d),
    weatherOfferDetector(d),
    shipmentStuckDetector(d),
    returnRateDetector(d),
    oversellRiskDetector(d),
    messageBacklogDetector(d),
    stockCoverDetector(d),
    fridgeTemperatureDetector(d),
    rotaConflictDetector(d),
  ];
  const intake: IntakeDetector[] = [
    newOrderDetector(),
    peakHourDetector(d),
    badReviewDetector(d),
    lowStock.intake,
    salesSpikeDetector(d),
    redemptionAnomalyDetector(d),
  ];
  return { scan, intake, customerLeft: customerLeftDetector(d), campaignFailed: campaignFailedDetector() };
}
export type Detectors = ReturnType<typeof buildDetectors>;
