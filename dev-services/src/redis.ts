// A private redis-server for tests and the dev run: a free port, nothing saved to disk, stopped with its owner.
import { spawnService, stopChild, type RunningService } from './child-process.js';
import { freePort, waitForPort } from './free-port.js';

/** `port` pins the port, so a stopped server can be started again at the same URL (the soak's Redis restart). */
export async function startRedis(port?: number): Promise<RunningService> {
  port ??= await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const { child, output } = spawnService('redis-server', args);
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) =>
      reject(new Error(`cannot start redis-server (is it installed? apt-get install redis-server): ${e.message}`)),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output()}`)));
  });
  await Promise.race([waitForPort(port), failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    description: `redis-server on port ${port} (child process, in memory)`,
    stop: () => stopChild(child),
  };
}
