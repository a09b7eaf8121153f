// `npm run operator -w server -- <command>`: the operator's commands for scripts (see operator-commands.ts for the
// list). Configuration comes from the environment, as for the server; setup links are built from PUBLIC_URL.
// The password of add-operator comes from OPERATOR_PASSWORD (for scripts), else is typed without echo.
import { userInfo } from 'node:os';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../logging/logger.js';
import { openContainer } from '../process/open-container.js';
import { runOperatorCommand, USAGE, UsageError } from './operator-commands.js';
import { readHidden } from './read-hidden.js';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help')) {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 2 : 0);
}

const config = loadConfig();
const publicUrl = config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`;
if (!config.http.publicUrl)
  console.error(`提示：没有设置 PUBLIC_URL，开通链接按本机地址 ${publicUrl} 生成，只能在这台机器上打开`);
const container = await openContainer(config, createLogger({ level: 'warn', pretty: false }));
try {
  await runOperatorCommand(argv, {
    operator: container.operator,
    publicUrl,
    cliUser: userInfo().username,
    readPassword: async () => process.env.OPERATOR_PASSWORD ?? (await readHidden('新服务商的密码（至少 10 位）：')),
    print: (line) => console.log(line),
  });
} catch (err) {
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(usage ? `${(err as Error).message}\n\n${USAGE}` : `失败：${(err as Error).message}`);
  process.exitCode = usage ? 2 : 1;
} finally {
  await container.mongo.close();
  await container.redis.quit();
}
