// The MongoDB a test run or dev run talks to, best first: the configured MONGO_URI, a real `mongod` on PATH,
// and only then minimongod, our MongoDB-wire test server (a child process, in memory).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnService, stopChild, waitForLine, type RunningService } from './child-process.js';
import { freePort, waitForPort } from './free-port.js';

const hasCommand = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export async function startMongo(configuredUri?: string): Promise<RunningService> {
  if (configuredUri) return { url: configuredUri, description: 'configured MONGO_URI', stop: async () => {} };
  return hasCommand('mongod') ? startMongod() : startMiniMongo();
}

async function startMongod(): Promise<RunningService> {
  const port = await freePort();
  const dbPath = mkdtempSync(join(tmpdir(), 'xiaoer-mongod-'));
  const { child } = spawnService('mongod', [
    '--port',
    String(port),
    '--bind_ip',
    '127.0.0.1',
    '--dbpath',
    dbPath,
    '--quiet',
  ]);
  await waitForPort(port, 30_000);
  return {
    url: `mongodb://127.0.0.1:${port}/xiaoer`,
    description: `mongod on port ${port} (child process, data in ${dbPath})`,
    stop: async () => {
      await stopChild(child, 10_000);
      rmSync(dbPath, { recursive: true, force: true });
    },
  };
}

async function startMiniMongo(): Promise<RunningService> {
  const main = fileURLToPath(new URL('./minimongod/main.ts', import.meta.url));
  const { child, output } = spawnService(process.execPath, ['--import', 'tsx', main], { ...process.env, PORT: '0' });
  const [, uri] = await waitForLine(child, /listening at (mongodb:\/\/\S+)\/test/, output);
  return {
    url: `${uri}/xiaoer`,
    description: 'minimongod (child process, in memory: data is lost when it stops)',
    stop: () => stopChild(child),
  };
}
