// Group sends: WeCom's 群发 tasks, created for a staff member to confirm.
import type { RoutesOf } from '../../http/module-routes.js';
import { groupSendRoutes } from './group-send.routes.js';
import type { GroupSendService } from './group-send.service.js';

export function build(d: { groupSends: GroupSendService }) {
  const routes: RoutesOf = () => ({ api: [groupSendRoutes(d.groupSends)] });
  return { routes };
}
