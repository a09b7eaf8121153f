// Production entry: `tsx src/main.ts --role api|worker|all`. Configuration comes from the environment only.
import { ConfigError, loadConfig, parseRole } from './config/env.js';
import { createLogger } from './logging/logger.js';
import { startProcess } from './process/start-process.js';

async function main() {
  let config, role;
  try {
    config = loadConfig();
    role = parseRole();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`xiaoer: ${e.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.log);
  try {
    const running = await startProcess(config, role, logger);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        running.stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  } catch (e) {
    // One line that says what failed (a bad MONGO_URI, Redis down ...), not a stack trace.
    process.stderr.write(`xiaoer: cannot start: ${(e as Error).message.split('\n')[0]}\n`);
    process.exit(1);
  }
}

await main();
