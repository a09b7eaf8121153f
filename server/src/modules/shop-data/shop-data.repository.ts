import type { Connection } from 'mongoose';
import { AppointmentRepository } from './appointment.repository.js';
import { AssessmentRepository } from './assessment.repository.js';
import { AttendanceRepository } from './attendance.repository.js';
import { ClosureRepository } from './closure.repository.js';
import { CoursePackageRepository } from './course-package.repository.js';
import { HomeworkRepository } from './homework.repository.js';
import { LessonRepository } from './lesson.repository.js';
import { ShipmentRepository } from './shipment.repository.js';
import { PointsRepository } from './points.repository.js';
import { ActivityRepository } from './activity.repository.js';
import { FestivalOfferRepository } from './festival-offer.repository.js';
import { RedemptionRepository } from './redemption.repository.js';
import { RotaRepository } from './rota.repository.js';
import { TemperatureRepository } from './temperature.repository.js';
import { StaffLeaveRepository } from './staff-leave.repository.js';
import { MemberCardRepository } from './member-card.repository.js';
import { ReviewRepository } from './review.repository.js';
import { shopDataModels } from './shop-data.model.js';
import { StockItemRepository } from './stock-item.repository.js';
import { StockMovementRepository } from './stock-movement.repository.js';

/**
 * The shop-data module's repositories, one per collection and each its collection's only writer (the intake writes
 * through them; scenarios, group posts and alerts read through them). Movements and attendance reach their targets
 * (levels, class hours) through the targets' repositories.
 */
export function buildShopData(connection: Connection) {
  const models = shopDataModels(connection);
  const stock = new StockItemRepository(models.stock);
  const packages = new CoursePackageRepository(models.packages);
  return {
    stock,
    movements: new StockMovementRepository(models.movements, stock),
    appointments: new AppointmentRepository(models.appointments),
    packages,
    attendance: new AttendanceRepository(models.attendance, packages),
    cards: new MemberCardRepository(models.cards),
    reviews: new ReviewRepository(models.reviews),
    lessons: new LessonRepository(models.lessons),
    homework: new HomeworkRepository(models.homework),
    closures: new ClosureRepository(models.closures),
    leaves: new StaffLeaveRepository(models.leaves),
    shipments: new ShipmentRepository(models.shipments),
    points: new PointsRepository(models.points),
    temperatures: new TemperatureRepository(models.temperatures),
    rota: new RotaRepository(models.rota),
    redemptions: new RedemptionRepository(models.redemptions),
    activities: new ActivityRepository(models.activities),
    festivalOffers: new FestivalOfferRepository(models.festivalOffers),
    assessments: new AssessmentRepository(models.assessments),
  };
}
export type ShopDataRepositories = ReturnType<typeof buildShopData>;
