import type { Middleware, ParameterizedContext } from 'koa';
import { AppError } from '../../errors/app-error.js';
import { addLogContext } from '../../logging/logger.js';
import type { OperatorAuthService } from './operator-auth.service.js';
import type { OperatorRecord } from './platform-operator.repository.js';

export interface OperatorState {
  operator: OperatorRecord;
  requestId: string;
}

export type OperatorContext = ParameterizedContext<OperatorState>;

/** Requires an operator's session: a merchant's token (another key, another audience) is refused here. */
export function authenticateOperator(auth: Pick<OperatorAuthService, 'authenticate'>): Middleware<OperatorState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new AppError('unauthenticated', { message: '请先用服务商账号登录' });
    ctx.state.operator = await auth.authenticate(token);
    addLogContext({ operatorId: ctx.state.operator._id.toHexString() });
    await next();
  };
}
