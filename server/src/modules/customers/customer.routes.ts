import { Router } from '@koa/router';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import {
  customerListQuerySchema,
  customerNoteCreateSchema,
  customerUpdateSchema,
} from '@xiaoer/common/schemas/customer';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import { presentCustomer } from './customer.presenter.js';
import type { CustomerService } from './customer.service.js';
import type { CustomerProfileService } from './customer-profile.service.js';
import { externalUserIdParamsSchema } from '@xiaoer/common/schemas/sidebar';

export function customerRoutes(customers: CustomerService, profiles: CustomerProfileService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/customers' });

  // The sidebar knows the customer by WeCom's external userid (getCurExternalContact).
  router.get('/by-external/:externalUserId', async (ctx) => {
    const { merchantId, role } = ctx.state.session;
    ctx.body = await profiles.byExternalUserId(
      merchantId,
      parse(externalUserIdParamsSchema, ctx.params).externalUserId,
      role,
    );
  });

  router.get('/:id/profile', async (ctx) => {
    const { merchantId, role } = ctx.state.session;
    ctx.body = await profiles.byId(merchantId, parse(idParamsSchema, ctx.params).id, role);
  });

  router.get('/', async (ctx) => {
    const { session } = ctx.state;
    const page = await customers.list(session, parse(customerListQuerySchema, ctx.query));
    ctx.body = { items: page.items.map((c) => presentCustomer(c, session.role)), nextCursor: page.nextCursor };
  });

  router.get('/:id', async (ctx) => {
    const { merchantId, role } = ctx.state.session;
    const { id } = parse(idParamsSchema, ctx.params);
    ctx.body = presentCustomer(await customers.get(merchantId, id), role);
  });

  router.patch('/:id', async (ctx) => {
    const { session } = ctx.state;
    const { id } = parse(idParamsSchema, ctx.params);
    const patch = parse(customerUpdateSchema, ctx.request.body);
    ctx.body = presentCustomer(await customers.update(session, id, patch), session.role);
  });

  router.post('/:id/notes', async (ctx) => {
    const { merchantId, staffId, role } = ctx.state.session;
    const { id } = parse(idParamsSchema, ctx.params);
    const { text } = parse(customerNoteCreateSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentCustomer(await customers.addNote(merchantId, id, staffId, text), role);
  });

  return router;
}
