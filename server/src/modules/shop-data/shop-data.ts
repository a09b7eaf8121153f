import type { Connection } from 'mongoose';
import { appointmentModel } from './appointment.model.js';
import { attendanceModel, coursePackageModel } from './course.model.js';
import { memberCardModel } from './member-card.model.js';
import { reviewModel } from './review.model.js';
import { stockItemModel, stockMovementModel } from './stock.model.js';

/** The shop's records beyond orders, as the intake stores them and the scenarios read them. */
export const shopDataModels = (conn: Connection) => ({
  stock: stockItemModel(conn),
  movements: stockMovementModel(conn),
  appointments: appointmentModel(conn),
  packages: coursePackageModel(conn),
  attendance: attendanceModel(conn),
  cards: memberCardModel(conn),
  reviews: reviewModel(conn),
});
export type ShopData = ReturnType<typeof shopDataModels>;
