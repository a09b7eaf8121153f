import { Router } from '@koa/router';
import type { AuthedState } from '../../auth/auth.middleware.js';
import type { TagSyncService } from './tag-sync.service.js';

export function tagRoutes(tags: TagSyncService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/tags' });
  // The tag picker: WeCom's corp tags by group, and ours.
  router.get('/', async (ctx) => {
    ctx.body = { groups: await tags.groups(ctx.state.session.merchantId) };
  });
  return router;
}
