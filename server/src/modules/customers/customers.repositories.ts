import type { Database } from '../../db/database.js';
import { customerModel } from './customer.model.js';
import { CustomerRepository } from './customer.repository.js';

/** The customers module's repositories, opened on the process's database. */
export const openCustomersRepositories = (
  db: Database,
  hooks: ConstructorParameters<typeof CustomerRepository>[1],
) => ({
  customers: new CustomerRepository(customerModel(db), hooks),
});
