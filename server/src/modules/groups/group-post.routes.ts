import { Router } from '@koa/router';
import * as posts from '@xiaoer/common/api/group-posts';
import * as groups from '@xiaoer/common/api/groups';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { notFound } from '../../errors/app-error.js';
import { route } from '../../http/contract-route.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { GroupEntryService } from './group-entry.service.js';
import type { GroupInteractionService } from './group-interaction.service.js';
import { presentGroupPost } from './group-post.presenter.js';
import type { GroupPostService } from './group-post.service.js';
import type { GroupSyncService } from './group-sync.service.js';
import { presentCustomerGroup, presentGroupEntry, presentGroupReport } from './group.presenter.js';

const DAY_MS = 86_400_000;

/** The owner's groups (synced from WeCom, with their layer) and the group calendar's posts. */
export function groupOperationsRoutes(
  sync: GroupSyncService,
  calendarPosts: GroupPostService,
  interactions: GroupInteractionService,
  entries: GroupEntryService,
  apps: WecomAppRepository,
): Router<AuthedState> {
  const router = new Router<AuthedState>();
  // by path: this router has no prefix, and a bare use() would guard every route mounted after it as well
  router.use(['/customer-groups', '/group-posts'], requireRole('manager'));
  route(router, groups.customerGroups, async (_, ctx) => ({
    items: (await sync.list(ctx.state.session.merchantId)).map(presentCustomerGroup),
  }));
  route(router, groups.syncCustomerGroups, async (_, ctx) => {
    const app = await apps.findByMerchant(ctx.state.session.merchantId);
    if (!app) throw notFound('还没有配置企业微信应用');
    return { synced: await sync.syncAll(app) };
  });
  route(router, groups.setGroupLayer, ({ params, body }, ctx) =>
    sync.setLayer(ctx.state.session.merchantId, params.chatId, body.layer),
  );
  // Each layer's join QR code and new-member welcome.
  route(router, groups.groupEntries, async (_, ctx) => ({
    items: (await entries.list(ctx.state.session.merchantId)).map(presentGroupEntry),
  }));
  route(router, groups.groupJoinCode, ({ params }, ctx) =>
    entries.joinCode(ctx.state.session.merchantId, params.layer),
  );
  route(router, groups.groupWelcome, ({ params, body }, ctx) =>
    entries.welcome(ctx.state.session.merchantId, params.layer, body.text),
  );
  route(router, groups.groupReport, async ({ params, query }, ctx) =>
    presentGroupReport(
      await interactions.report(
        ctx.state.session.merchantId,
        params.chatId,
        new Date(Date.now() - query.days * DAY_MS),
      ),
    ),
  );

  route(router, posts.groupPosts, async ({ query }, ctx) => {
    const review = await calendarPosts.list(ctx.state.session.merchantId, query.status);
    return { items: review.posts.map((p) => presentGroupPost(p, review.optedOutMembers.get(p.chatId))) };
  });
  route(router, posts.draftWeek, ({ body }, ctx) => calendarPosts.draftWeek(ctx.state.session.merchantId, body.monday));
  route(router, posts.approveGroupPost, async ({ params, body }, ctx) =>
    presentGroupPost(await calendarPosts.approve(ctx.state.session, params.id, body.text)),
  );
  route(router, posts.rejectGroupPost, async ({ params }, ctx) =>
    presentGroupPost(await calendarPosts.reject(ctx.state.session, params.id)),
  );
  // A reply staff saw in the group ("接龙+…", "预约+…"), counted for the post.
  route(router, posts.recordGroupPostReply, ({ params, body }, ctx) =>
    interactions.record(ctx.state.session, params.id, body),
  );
  return router;
}
