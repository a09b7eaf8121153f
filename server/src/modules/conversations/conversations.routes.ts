import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/conversations';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { notFound } from '../../errors/app-error.js';
import { pathUnder, route } from '../../http/contract-route.js';
import { parse } from '../../http/validate.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import { presentKfMessage } from './kf-conversation.presenter.js';
import type { KfMediaLinks } from './kf-media-links.js';
import type { KfMediaService } from './kf-media.service.js';
import type { KfRepository } from './kf.repository.js';

/** How many of a customer's latest messages staff see. */
const CONVERSATION_LENGTH = 50;

/** A customer's conversation, for any member of the merchant's staff (like the customer's profile). */
export function conversationRoutes(kf: KfRepository, media: KfMediaService, links: KfMediaLinks): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/conversations' });
  route(router, api.kfMessages, async ({ params }, ctx) => {
    const merchantId: MerchantId = ctx.state.session.merchantId;
    const messages = (await kf.conversation(merchantId, params.externalUserId, CONVERSATION_LENGTH)).filter(
      (m) => m.direction !== 'event',
    );
    const stored = await media.summaries(
      merchantId,
      messages.map((m) => String(m._id)),
    );
    const byMessage = new Map(stored.map((s) => [String(s.messageId), s]));
    return { messages: messages.map((m) => presentKfMessage(merchantId, m, byMessage.get(String(m._id)), links)) };
  });
  return router;
}

/**
 * The media itself, behind the signed link (no session: an <img> cannot send one). A bad, expired or foreign link
 * is 404, like a message that does not exist. Pictures and playable voice show inline with the type read from their
 * bytes; everything else is a download, never rendered by the browser.
 */
export function kfMediaFileRoutes(media: KfMediaService, links: KfMediaLinks): Router {
  const router = new Router({ prefix: '/api/kf-media' });
  router.get(pathUnder(router, api.kfMediaFile), async (ctx) => {
    const { merchantId, messageId } = parse(api.kfMediaFile.params, ctx.params);
    const { v, e, s } = parse(api.kfMediaFile.request, ctx.query);
    if (!links.verify(merchantId, messageId, v, e, s)) throw notFound('链接已失效，请刷新页面');
    const found = await media.content(asMerchantId(merchantId), messageId, v);
    const bytes = v === 'playable' ? found?.playable : found?.data;
    if (!found || !bytes) throw notFound('找不到这个文件');
    const inline = v === 'playable' || found.kind === 'image';
    const extension = v === 'playable' ? 'wav' : (found.contentType?.split('/')[1] ?? 'bin');
    ctx.set({
      'Content-Type': v === 'playable' ? 'audio/wav' : inline ? found.contentType! : 'application/octet-stream',
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${found.kind}-${messageId}.${extension}"`,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
    ctx.body = Buffer.from(bytes);
  });
  return router;
}
