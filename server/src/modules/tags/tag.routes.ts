import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/tags';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { TagSyncService } from './tag-sync.service.js';
import { presentTagGroup } from './tag.presenter.js';

export function tagRoutes(tags: TagSyncService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/tags' });
  // The tag picker: WeCom's corp tags by group, and ours.
  route(router, api.corpTags, async (_, ctx) => ({
    groups: (await tags.groups(ctx.state.session.merchantId)).map(presentTagGroup),
  }));
  return router;
}
