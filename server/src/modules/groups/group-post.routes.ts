import { Router } from '@koa/router';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import {
  groupLayerBodySchema,
  groupLayerParamsSchema,
  groupReportQuerySchema,
  groupWelcomeSchema,
} from '@xiaoer/common/schemas/customer-group';
import {
  draftWeekSchema,
  groupPostApproveSchema,
  groupPostListQuerySchema,
  groupPostReplySchema,
} from '@xiaoer/common/schemas/group-post';
import { chatIdParamsSchema } from '@xiaoer/common/schemas/sidebar';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { notFound } from '../../errors/app-error.js';
import { parse } from '../../http/validate.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { GroupEntryService } from './group-entry.service.js';
import type { GroupInteractionService } from './group-interaction.service.js';
import { presentGroupPost } from './group-post.presenter.js';
import type { GroupPostService } from './group-post.service.js';
import type { GroupSyncService } from './group-sync.service.js';
import { presentCustomerGroup, presentGroupEntry } from './group.presenter.js';

/** The owner's groups (synced from WeCom, with their layer) and the group calendar's posts. */
export function groupOperationsRoutes(
  sync: GroupSyncService,
  posts: GroupPostService,
  interactions: GroupInteractionService,
  entries: GroupEntryService,
  apps: WecomAppRepository,
): Router<AuthedState> {
  const router = new Router<AuthedState>();
  // by path: this router has no prefix, and a bare use() would guard every route mounted after it as well
  router.use(['/customer-groups', '/group-posts'], requireRole('manager'));
  router.get('/customer-groups', async (ctx) => {
    ctx.body = { items: (await sync.list(ctx.state.session.merchantId)).map(presentCustomerGroup) };
  });
  router.post('/customer-groups/sync', async (ctx) => {
    const app = await apps.findByMerchant(ctx.state.session.merchantId);
    if (!app) throw notFound('还没有配置企业微信应用');
    ctx.body = { synced: await sync.syncAll(app) };
  });
  router.put('/customer-groups/:chatId/layer', async (ctx) => {
    await sync.setLayer(
      ctx.state.session.merchantId,
      parse(chatIdParamsSchema, ctx.params).chatId,
      parse(groupLayerBodySchema, ctx.request.body).layer,
    );
    ctx.status = 204;
  });
  // Each layer's join QR code and new-member welcome.
  router.get('/customer-groups/entries', async (ctx) => {
    ctx.body = { items: (await entries.list(ctx.state.session.merchantId)).map(presentGroupEntry) };
  });
  router.post('/customer-groups/entries/:layer/join-code', async (ctx) => {
    ctx.body = await entries.joinCode(ctx.state.session.merchantId, parse(groupLayerParamsSchema, ctx.params).layer);
  });
  router.post('/customer-groups/entries/:layer/welcome', async (ctx) => {
    ctx.body = await entries.welcome(
      ctx.state.session.merchantId,
      parse(groupLayerParamsSchema, ctx.params).layer,
      parse(groupWelcomeSchema, ctx.request.body ?? {}).text,
    );
  });
  router.get('/customer-groups/:chatId/report', async (ctx) => {
    const { days } = parse(groupReportQuerySchema, ctx.query);
    ctx.body = await interactions.report(
      ctx.state.session.merchantId,
      parse(chatIdParamsSchema, ctx.params).chatId,
      new Date(Date.now() - days * 86_400_000),
    );
  });
  router.get('/group-posts', async (ctx) => {
    const { status } = parse(groupPostListQuerySchema, ctx.query);
    const review = await posts.list(ctx.state.session.merchantId, status);
    ctx.body = { items: review.posts.map((p) => presentGroupPost(p, review.optedOutMembers.get(p.chatId))) };
  });
  router.post('/group-posts/draft-week', async (ctx) => {
    ctx.body = await posts.draftWeek(ctx.state.session.merchantId, parse(draftWeekSchema, ctx.request.body).monday);
  });
  router.post('/group-posts/:id/approve', async (ctx) => {
    ctx.body = presentGroupPost(
      await posts.approve(
        ctx.state.session,
        parse(idParamsSchema, ctx.params).id,
        parse(groupPostApproveSchema, ctx.request.body ?? {}).text,
      ),
    );
  });
  // A reply staff saw in the group ("接龙+…", "预约+…"), counted for the post.
  router.post('/group-posts/:id/replies', async (ctx) => {
    ctx.status = 201;
    ctx.body = await interactions.record(
      ctx.state.session,
      parse(idParamsSchema, ctx.params).id,
      parse(groupPostReplySchema, ctx.request.body),
    );
  });
  router.post('/group-posts/:id/reject', async (ctx) => {
    ctx.body = presentGroupPost(await posts.reject(ctx.state.session, parse(idParamsSchema, ctx.params).id));
  });
  return router;
}
