// `npm run wecom:check -w server -- --merchant <id> [--url https://your.domain]`
// Runs the live WeCom configuration check for one merchant and prints each problem with its fix. Exit code 1 when
// anything fails. Configuration comes from the environment, as for the server.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../logging/logger.js';
import { openContainer } from '../process/open-container.js';
import { asMerchantId } from '../tenancy/merchant-id.js';

const { values } = parseArgs({ options: { merchant: { type: 'string' }, url: { type: 'string' } } });
const config = loadConfig();
const container = await openContainer(config, createLogger({ level: 'warn', pretty: false }));
try {
  const merchant = values.merchant
    ? await container.repositories.merchants.findById(asMerchantId(values.merchant))
    : await container.repositories.merchants.findDemo();
  if (!merchant) throw new Error('没有找到这个商户：请用 --merchant 指定商户 ID');
  const baseUrl = values.url ?? config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`;
  const checks = await container.wecom.configCheck.run(asMerchantId(merchant._id), baseUrl);
  console.log(`「${merchant.name}」企业微信配置检查：`);
  for (const c of checks) {
    console.log(`${c.ok ? '✅' : '❌'} ${c.title}：${c.message}`);
    if (c.fix) console.log(`   怎么修：${c.fix}`);
  }
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
} finally {
  await container.mongo.close();
  await container.redis.quit();
}
