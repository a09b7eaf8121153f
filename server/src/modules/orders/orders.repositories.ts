import type { Database } from '../../db/database.js';
import { orderModel } from './order.model.js';
import { OrderRepository } from './order.repository.js';

/** The orders module's repositories, opened on the process's database. */
export const openOrdersRepositories = (db: Database) => ({ orders: new OrderRepository(orderModel(db)) });
