import { Router } from '@koa/router';
import { readCallbackBody } from '../callback/callback-body.js';
import type { SignedQuery } from '../callback/callback-intake.service.js';
import { INSTALLED_PATH, type SuiteAuthorisationService } from './suite-authorisation.service.js';
import type { SuiteCallbackService } from './suite-callback.service.js';

/**
 * The 代开发 template's 指令回调URL (machine-to-machine): `<PUBLIC_URL>/wecom/suite/callback`; and the page WeCom
 * sends the admin back to after authorising, which hands its code on and shows the console's WeCom step. WeCom's
 * protocol (plain text, a redirect), not a client contract: nothing to present.
 */
export function suiteCallbackRoutes(
  intake: SuiteCallbackService,
  links: Pick<SuiteAuthorisationService, 'isPending'>,
  publicUrl: () => string,
): Router {
  const router = new Router();

  router.get(INSTALLED_PATH, async (ctx) => {
    await intake.acceptRedirect(ctx.query as { auth_code?: string; state?: string }, (s) => links.isPending(s));
    ctx.redirect(`${publicUrl()}/console/#/pages/setup-wecom/index`);
  });

  router.get('/wecom/suite/callback', (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = intake.verifyUrl(ctx.query as SignedQuery);
  });

  router.post('/wecom/suite/callback', async (ctx) => {
    await intake.accept(ctx.query as SignedQuery, await readCallbackBody(ctx));
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
