// The operator's commands for scripts (`npm run operator -w server -- <command>`), on the same services as the
// operator's API. Kept apart from the entry (operator.ts) so tests run them against a test app's container.
import {
  operatorLoginNameSchema,
  operatorMerchantCreateSchema,
  operatorPasswordSchema,
  setupLinkHoursSchema,
  setupLinkUrl,
} from '@xiaoer/common/schemas/operator';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { objectIdSchema } from '@xiaoer/common/schemas/common';
import type { MerchantOverview } from '../modules/operator/merchant-overview.js';
import type { AuditActor } from '../modules/merchants/merchant-audit.model.js';
import { presentOperatorMerchant } from '../modules/operator/operator.presenter.js';
import type { build as buildOperator } from '../modules/operator/operator.module.js';
import { asMerchantId } from '../tenancy/merchant-id.js';

export interface CommandContext {
  operator: Pick<ReturnType<typeof buildOperator>, 'auth' | 'merchants' | 'setupLinks'>;
  /** where the server is reached (PUBLIC_URL): setup links are built from it, never from a request */
  publicUrl: string;
  /** who runs the command, when no --as operator is named (the OS user) */
  cliUser: string;
  /** OPERATOR_PASSWORD, or a prompt that does not echo */
  readPassword: () => Promise<string>;
  print: (line: string) => void;
}

export const USAGE = `用法：npm run operator -w server -- <命令> [参数]
  add-operator   --login <登录名> --name <姓名>       新增服务商账号（密码取自 OPERATOR_PASSWORD，或在终端输入）
  create-merchant --name <商户名> --industry <行业> [--hours 72]   新建商户，打印给老板的开通链接
  list-merchants [--json]                           列出所有商户的开通进度和今日状况
  reissue-link   --merchant <商户ID> [--hours 72]    重新生成开通链接（旧链接立即作废）
  revoke-link    --merchant <商户ID>                 作废商户当前的开通链接
  通用参数：--as <服务商登录名>  以哪位服务商的名义操作（记入商户的操作记录；不填则记为命令行用户）`;

/** A mistake of the caller's: printed with the usage, exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  login: { type: 'string' },
  name: { type: 'string' },
  industry: { type: 'string' },
  merchant: { type: 'string' },
  hours: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Parses a value with a shared schema; a failure is the field's Chinese message. */
function valid<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(`--${flag}：${result.error.issues[0]?.message ?? '格式不正确'}`);
}

const hoursOf = (hours: string | undefined) =>
  hours === undefined ? undefined : valid(setupLinkHoursSchema, Number(hours), 'hours');

export async function runOperatorCommand(argv: string[], c: CommandContext): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command] = positionals;
  const actor = async (): Promise<AuditActor> => {
    if (!values.as) return { kind: 'cli', id: c.cliUser };
    const operator = await c.operator.auth.byLogin(valid(operatorLoginNameSchema, values.as, 'as'));
    if (!operator) throw new UsageError(`--as：没有登录名为 ${values.as} 的服务商`);
    return { kind: 'operator', id: operator.id };
  };
  const merchantId = () => asMerchantId(valid(objectIdSchema, values.merchant, 'merchant'));

  switch (command) {
    case 'add-operator': {
      const login = valid(operatorLoginNameSchema, values.login, 'login');
      const name = valid(z.string().trim().min(1, '请填写姓名').max(50), values.name, 'name');
      const password = valid(operatorPasswordSchema, await c.readPassword(), 'password');
      const operator = await c.operator.auth.addOperator({ login, name, password });
      c.print(`已新增服务商：${operator.name}（登录名 ${operator.login}，ID ${operator.id}）`);
      return;
    }
    case 'create-merchant': {
      const fields = operatorMerchantCreateSchema.shape;
      const input = {
        name: valid(fields.name, values.name, 'name'),
        industry: valid(fields.industry, values.industry, 'industry'),
        linkHours: hoursOf(values.hours),
      };
      const by = await actor();
      const { overview, link } = await c.operator.merchants.create(input, by);
      c.print(`已新建商户：${overview.merchant.name}（${overview.merchant.industry}，ID ${overview.merchant._id}）`);
      printLink(c, link);
      return;
    }
    case 'list-merchants': {
      const merchants = await c.operator.merchants.list();
      if (values.json) c.print(JSON.stringify(merchants.map(presentOperatorMerchant), null, 2));
      else if (merchants.length === 0) c.print('还没有商户');
      else for (const m of merchants) c.print(describe(m));
      return;
    }
    case 'reissue-link': {
      const [id, by, hours] = [merchantId(), await actor(), hoursOf(values.hours)];
      await c.operator.merchants.exists(id);
      printLink(c, await c.operator.setupLinks.issue(id, by, hours));
      c.print('之前的开通链接已作废');
      return;
    }
    case 'revoke-link': {
      const [id, by] = [merchantId(), await actor()];
      await c.operator.merchants.exists(id);
      const revoked = await c.operator.setupLinks.revoke(id, by);
      c.print(revoked ? '开通链接已作废' : '这个商户没有待使用的开通链接');
      return;
    }
    default:
      throw new UsageError(command ? `不认识的命令：${command}` : '请指定命令');
  }
}

function printLink(c: CommandContext, link: { token: string; expiresAt: Date }) {
  c.print(
    `老板的开通链接（只显示这一次，${link.expiresAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} 前有效，只能用一次）：`,
  );
  c.print(setupLinkUrl(c.publicUrl, link.token));
}

const LINK_WORDS = { none: '未生成', open: '待使用', expired: '已过期', used: '已使用', revoked: '已作废' } as const;

/** One merchant on one line, for people reading a terminal. */
function describe({ merchant, setup, health }: MerchantOverview): string {
  const lastCallback = health.lastCallbackAt
    ? health.lastCallbackAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })
    : '无';
  return [
    `${merchant._id}  ${merchant.name}（${merchant.industry}）`,
    `开通链接${LINK_WORDS[setup.link.status]}`,
    `老板${setup.ownerJoined ? '已加入' : '未加入'}`,
    `企业微信${setup.wecomConnected ? '已接入' : '未接入'}`,
    `员工 ${setup.staffCount}`,
    `最近回调 ${lastCallback}`,
    `今日：机器人回答 ${health.botAnswersToday}，转人工 ${health.handoffsToday}，大模型 ${health.llmTokensToday} tokens，失败事件 ${health.failedInboxEvents}`,
  ].join('  ·  ');
}
