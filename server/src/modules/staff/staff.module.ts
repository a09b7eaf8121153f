// The team: staff records are kept by the WeCom sync and sign-in; managers list them.
import type { RoutesOf } from '../../http/module-routes.js';
import type { StaffRepository } from './staff.repository.js';
import { staffRoutes } from './staff.routes.js';

export function build(d: { staff: StaffRepository }) {
  const routes: RoutesOf = () => ({ api: [staffRoutes(d.staff)] });
  return { routes };
}
