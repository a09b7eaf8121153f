import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/groups';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentGroupChat } from './group-chat.presenter.js';
import type { GroupChatService } from './group-chat.service.js';

export function groupRoutes(groups: GroupChatService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/groups' });
  // The sidebar in a group chat (getCurExternalChat gives the chat id).
  route(router, api.groupChat, async ({ params }, ctx) =>
    presentGroupChat(await groups.detail(ctx.state.session.merchantId, params.chatId)),
  );
  return router;
}
