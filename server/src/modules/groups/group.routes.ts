import { Router } from '@koa/router';
import { chatIdParamsSchema } from '@xiaoer/common/schemas/sidebar';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { GroupChatService } from './group-chat.service.js';

export function groupRoutes(groups: GroupChatService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/groups' });
  // The sidebar in a group chat (getCurExternalChat gives the chat id).
  router.get('/:chatId', async (ctx) => {
    ctx.body = await groups.detail(ctx.state.session.merchantId, parse(chatIdParamsSchema, ctx.params).chatId);
  });
  return router;
}
