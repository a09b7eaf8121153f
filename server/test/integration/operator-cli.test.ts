// The operator's commands for scripts run the same services as the operator's API: what the CLI creates, the API
// lists and the owner redeems; links come from the configured public URL; mistakes are usage errors in Chinese.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperatorCommand, UsageError, type CommandContext } from '../../src/cli/operator-commands.js';
import { OPERATOR_TEST_ENV, postPublic, signedInOperator, tokenOf } from '../support/operator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api', env: OPERATOR_TEST_ENV });
});
afterAll(() => app.close());

/** Runs a command on the test app's services; what it printed. */
async function run(argv: string[], password = 'a long enough password') {
  const printed: string[] = [];
  const context: CommandContext = {
    operator: app.container.operator,
    publicUrl: 'https://ops.example.com/',
    cliUser: 'deploy',
    readPassword: async () => password,
    print: (line) => printed.push(line),
  };
  await runOperatorCommand(argv, context);
  return printed;
}
const linkIn = (printed: string[]) => printed.find((line) => line.startsWith('https://'))!;
const merchantIdIn = (printed: string[]) => /ID ([0-9a-f]{24})/.exec(printed[0]!)![1]!;

describe('operator CLI', () => {
  it('adds an operator who can then sign in through the API', async () => {
    const printed = await run(['add-operator', '--login', 'Ops.Li', '--name', '李运营'], 'ops password 123');
    expect(printed[0]).toMatch(/^已新增服务商：李运营（登录名 ops\.li，ID [0-9a-f]{24}）$/);
    const login = await postPublic(app, '/api/operator/login', { login: 'ops.li', password: 'ops password 123' });
    expect(login.status).toBe(200);
    await expect(run(['add-operator', '--login', 'ops.li', '--name', '重名'])).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(run(['add-operator', '--login', 'ops.short', '--name', '短密码'], 'short')).rejects.toThrow(
      '--password：密码至少 10 位',
    );
  });

  it('creates a merchant and prints a setup link from the configured public URL, which the owner redeems', async () => {
    const printed = await run(['create-merchant', '--name', '小李面馆', '--industry', '餐饮']);
    expect(printed[0]).toMatch(/^已新建商户：小李面馆（餐饮，ID [0-9a-f]{24}）$/);
    expect(linkIn(printed)).toMatch(/^https:\/\/ops\.example\.com\/console\/#\/pages\/setup\/index\?token=[\w-]{43}$/);
    const redeemed = await postPublic(app, '/api/setup/redeem', { token: tokenOf(linkIn(printed)) });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.merchant).toEqual({ name: '小李面馆', industry: '餐饮' });
  });

  it('re-issues a link (the old one stops working) and revokes one, recording the CLI user or the --as operator', async () => {
    const { operator } = await signedInOperator(app, 'ops.wang');
    const created = await run(['create-merchant', '--name', '王记', '--industry', '零售', '--hours', '24']);
    const id = merchantIdIn(created);
    const reissued = await run(['reissue-link', '--merchant', id, '--as', 'ops.wang']);
    expect(reissued.at(-1)).toBe('之前的开通链接已作废');
    expect((await postPublic(app, '/api/setup/redeem', { token: tokenOf(linkIn(created)) })).status).toBe(410);
    expect(await run(['revoke-link', '--merchant', id])).toEqual(['开通链接已作废']);
    expect(await run(['revoke-link', '--merchant', id])).toEqual(['这个商户没有待使用的开通链接']);
    expect((await postPublic(app, '/api/setup/redeem', { token: tokenOf(linkIn(reissued)) })).status).toBe(410);

    const { token } = await signedInOperator(app);
    const detail = await app.request(`/api/operator/merchants/${id}`, { token });
    const cli = { kind: 'cli', id: 'deploy' };
    const asOperator = { kind: 'operator', id: operator.id };
    expect(detail.body.audit.map((e: { action: string; actor: unknown }) => [e.action, e.actor]).reverse()).toEqual([
      ['merchant.created', cli],
      ['setup_link.issued', cli],
      ['setup_link.revoked', asOperator],
      ['setup_link.issued', asOperator],
      ['setup_link.revoked', cli],
    ]);
  });

  it('lists merchants as the API does, for people and (--json) for scripts', async () => {
    const id = merchantIdIn(await run(['create-merchant', '--name', '列表里的店', '--industry', '电商']));
    const lines = await run(['list-merchants']);
    expect(lines.find((l) => l.startsWith(id))).toMatch(
      /列表里的店（电商）.*开通链接待使用.*老板未加入.*企业微信未接入/,
    );
    const [json] = await run(['list-merchants', '--json']);
    const { token } = await signedInOperator(app);
    const api = await app.request('/api/operator/merchants', { token });
    expect(JSON.parse(json!)).toEqual(api.body.items);
  });

  it('answers mistakes with a usage error in Chinese', async () => {
    const usage = (argv: string[]) => expect(run(argv)).rejects.toBeInstanceOf(UsageError);
    await usage([]);
    await usage(['make-coffee']);
    await usage(['create-merchant', '--name', '某店', '--industry', '金融']);
    await usage(['create-merchant', '--name', '某店', '--industry', '餐饮', '--hours', '500']);
    await usage(['reissue-link', '--merchant', 'not-an-id']);
    await usage(['reissue-link', '--merchant', '64b0000000000000000000aa', '--as', 'nobody']);
    await expect(run(['create-merchant', '--name', '某店', '--industry', '金融'])).rejects.toThrow(
      '--industry：行业只能是：餐饮、零售、电商、本地服务、教育培训',
    );
    await expect(run(['reissue-link', '--merchant', '64b0000000000000000000aa'])).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the npm script entry', () => {
  const cli = fileURLToPath(new URL('../../src/cli/operator.ts', import.meta.url));
  const serverDir = fileURLToPath(new URL('../..', import.meta.url));
  const env = () => ({
    PATH: process.env.PATH,
    MONGO_URI: app.mongoUrl,
    REDIS_URL: app.redisUrl,
    SESSION_SECRET: app.container.config.session.secret,
    MASTER_KEY: app.container.config.masterKey.toString('hex'),
    PUBLIC_URL: 'https://setup.example.com',
    LOG_LEVEL: 'silent',
  });
  const exec = promisify(execFile);
  const tsx = (args: string[], extra: Record<string, string> = {}) =>
    exec(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: serverDir, env: { ...env(), ...extra } });

  it('adds an operator with OPERATOR_PASSWORD and creates a merchant, printing the link from PUBLIC_URL', async () => {
    const added = await tsx(['add-operator', '--login', 'script.ops', '--name', '脚本'], {
      OPERATOR_PASSWORD: 'from the environment',
    });
    expect(added.stdout).toContain('已新增服务商：脚本');
    const login = await postPublic(app, '/api/operator/login', {
      login: 'script.ops',
      password: 'from the environment',
    });
    expect(login.status).toBe(200);
    const created = await tsx([
      'create-merchant',
      '--name',
      '脚本建的店',
      '--industry',
      '本地服务',
      '--as',
      'script.ops',
    ]);
    expect(created.stdout).toMatch(/https:\/\/setup\.example\.com\/console\/#\/pages\/setup\/index\?token=[\w-]{43}/);
    const failed = await tsx(['create-merchant', '--name', '某店']).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('--industry：') });
    // three CLI processes, each compiling the server through tsx: minutes on a loaded 2-core machine
  }, 180_000);
});
