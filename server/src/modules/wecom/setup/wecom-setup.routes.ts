import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/wecom-setup';
import { requireRole, type AuthedContext, type AuthedState } from '../../../auth/auth.middleware.js';
import { route } from '../../../http/contract-route.js';
import { agencyUnavailable, type SuiteAuthorisationService } from '../suite/suite-authorisation.service.js';
import type { SetupCheckService } from './setup-checks.service.js';
import type { SetupActor } from './setup-audit.js';
import { presentKfAccounts, presentSetup } from './wecom-setup.presenter.js';
import type { WecomSetupService } from './wecom-setup.service.js';

/**
 * The owner's WeCom setup (way 1, a self-built app; way 2, 服务商代开发 when `agency` is configured): the owner alone,
 * since the answers carry the callback keys to paste. Every URL shown is built from our public address
 * (PUBLIC_URL), never from the request.
 */
export function wecomSetupRoutes(
  setup: WecomSetupService,
  checks: SetupCheckService,
  publicUrl: () => string,
  agency?: Pick<SuiteAuthorisationService, 'installLink'>,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/wecom' });
  const owner = requireRole('owner');
  const actor = (ctx: AuthedContext): SetupActor => ({ kind: 'staff', id: ctx.state.session.staffId });
  const view = async (ctx: AuthedContext) => presentSetup(await setup.view(ctx.state.session.merchantId, publicUrl()));

  route(router, api.setup, owner, (_, ctx) => view(ctx));
  route(router, api.saveApp, owner, async ({ body }, ctx) => {
    await setup.saveApp(ctx.state.session.merchantId, actor(ctx), body);
    return view(ctx);
  });
  route(router, api.regenerateCallbackKeys, owner, async (_, ctx) => {
    await setup.regenerateCallbackKeys(ctx.state.session.merchantId, actor(ctx));
    return view(ctx);
  });
  route(router, api.checks, owner, async (_, ctx) => ({
    checks: await checks.run(ctx.state.session.merchantId, publicUrl()),
    checkedAt: new Date().toISOString(),
  }));
  route(router, api.kfAccounts, owner, async (_, ctx) =>
    presentKfAccounts(await setup.kfAccounts(ctx.state.session.merchantId)),
  );
  route(router, api.chooseKfAccounts, owner, async ({ body }, ctx) => {
    await setup.chooseKfAccounts(ctx.state.session.merchantId, actor(ctx), body.openKfIds);
    return view(ctx);
  });
  route(router, api.agencyLink, owner, async (_, ctx) => {
    if (!agency) throw agencyUnavailable();
    const link = await agency.installLink(ctx.state.session.merchantId, actor(ctx), publicUrl());
    return { url: link.url, qrImage: link.qrImage, expiresAt: link.expiresAt.toISOString() };
  });
  return router;
}
