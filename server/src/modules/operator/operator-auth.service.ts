// Operators sign in with a login and a password, apart from every merchant: limited per address (the route) and per
// account (here), checked in constant time whether or not the login exists.
import type { OperatorDto, OperatorSessionDto } from '@xiaoer/common/schemas/operator';
import { AppError, conflict } from '../../errors/app-error.js';
import type { LoginLimits } from '../auth/login-limits.js';
import type { OperatorSessionSigner } from './operator-session.js';
import { presentOperator } from './operator.presenter.js';
import { hashPassword, verifyPassword } from './password.js';
import type { OperatorRecord, PlatformOperatorRepository } from './platform-operator.repository.js';

const WRONG_LOGIN = '登录名或密码不正确';

export class OperatorAuthService {
  constructor(
    private operators: PlatformOperatorRepository,
    private sessions: OperatorSessionSigner,
    private limits: Pick<LoginLimits, 'passwordAttempt'>,
  ) {}

  /** A new operator (the CLI): the password is hashed here and never stored or shown in the clear. */
  async addOperator(input: { login: string; name: string; password: string }): Promise<OperatorDto> {
    const created = await this.operators.create({
      login: input.login,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (!created) throw conflict(`登录名 ${input.login} 已经有人用了`);
    return presentOperator(created);
  }

  /** An active operator by login (the CLI's --as), or null. */
  async byLogin(login: string): Promise<OperatorDto | null> {
    const operator = await this.operators.findByLogin(login);
    return operator && presentOperator(operator);
  }

  async login(login: string, password: string): Promise<OperatorSessionDto> {
    await this.limits.passwordAttempt(`operator:${login}`);
    const operator = await this.operators.findByLogin(login);
    // An unknown login is checked against a dummy hash: the answer takes as long and says the same.
    if (!(await verifyPassword(password, operator?.passwordHash)) || !operator)
      throw new AppError('unauthenticated', { message: WRONG_LOGIN });
    const { token, expiresAt } = await this.sessions.issue(operator._id.toHexString());
    return { token, expiresAt: expiresAt.toISOString(), operator: presentOperator(operator) };
  }

  /** The operator behind a session token, while still active. */
  async authenticate(token: string): Promise<OperatorRecord> {
    const { operatorId } = await this.sessions.verify(token);
    const operator = await this.operators.findById(operatorId);
    if (!operator) throw new AppError('unauthenticated', { message: '这个服务商账号已停用' });
    return operator;
  }
}
