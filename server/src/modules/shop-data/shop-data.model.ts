import type { Connection } from 'mongoose';
import { appointmentModel } from './appointment.model.js';
import { assessmentModel } from './assessment.model.js';
import { closureModel } from './closure.model.js';
import { homeworkModel } from './homework.model.js';
import { lessonModel } from './lesson.model.js';
import { shipmentModel } from './shipment.model.js';
import { pointsModel } from './points.model.js';
import { activityModel } from './activity.model.js';
import { festivalOfferModel } from './festival-offer.model.js';
import { redemptionModel } from './redemption.model.js';
import { rotaShiftModel } from './rota.model.js';
import { temperatureModel } from './temperature.model.js';
import { staffLeaveModel } from './staff-leave.model.js';
import { attendanceModel, coursePackageModel } from './course.model.js';
import { memberCardModel } from './member-card.model.js';
import { reviewModel } from './review.model.js';
import { stockItemModel, stockMovementModel } from './stock.model.js';

/** The models of the shop's records beyond orders, registered on the process's connection. */
export const shopDataModels = (conn: Connection) => ({
  stock: stockItemModel(conn),
  movements: stockMovementModel(conn),
  appointments: appointmentModel(conn),
  packages: coursePackageModel(conn),
  attendance: attendanceModel(conn),
  cards: memberCardModel(conn),
  reviews: reviewModel(conn),
  lessons: lessonModel(conn),
  homework: homeworkModel(conn),
  closures: closureModel(conn),
  leaves: staffLeaveModel(conn),
  shipments: shipmentModel(conn),
  points: pointsModel(conn),
  temperatures: temperatureModel(conn),
  rota: rotaShiftModel(conn),
  redemptions: redemptionModel(conn),
  activities: activityModel(conn),
  festivalOffers: festivalOfferModel(conn),
  assessments: assessmentModel(conn),
});
export type ShopDataModels = ReturnType<typeof shopDataModels>;
