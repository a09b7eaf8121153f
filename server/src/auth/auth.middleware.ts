import { roleAtLeast, type StaffRole } from '@xiaoer/common/constants/roles';
import type { Middleware, ParameterizedContext } from 'koa';
import { AppError } from '../errors/app-error.js';
import { addLogContext } from '../logging/logger.js';
import type { SessionRevocations } from './session-revocations.js';
import type { Session, SessionSigner } from './session.js';

export interface AuthedState {
  session: Session;
  requestId: string;
}

export type AuthedContext = ParameterizedContext<AuthedState>;

/** Requires a valid session; from here on the request is scoped to the session's merchant and nothing else. */
export function authenticate(signer: SessionSigner, revocations?: SessionRevocations): Middleware<AuthedState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new AppError('unauthenticated', { message: '请先登录' });
    ctx.state.session = await signer.verify(token);
    if (await revocations?.isEnded(ctx.state.session))
      throw new AppError('unauthenticated', { message: '账号已变更，请重新进入' });
    addLogContext({ merchantId: ctx.state.session.merchantId, staffId: ctx.state.session.staffId });
    await next();
  };
}

/** Lets through staff whose role is at least the required one (staff < manager < owner). */
export const requireRole =
  (required: StaffRole): Middleware<AuthedState> =>
  async (ctx, next) => {
    if (!roleAtLeast(ctx.state.session.role, required)) throw new AppError('forbidden');
    await next();
  };
