import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningService {
  /** connection string for the client (redis://..., mongodb://...) */
  url: string;
  /** what is behind the url, for logs: "redis-server 7 (child)", "minimongod (child)", "configured" ... */
  description: string;
  stop(): Promise<void>;
}

/** Starts a child process whose stderr is kept so a failed start can say why. */
export function spawnService(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

/** Resolves with the first stdout line matching the pattern, or rejects if the process exits first. */
export function waitForLine(child: ChildProcess, pattern: RegExp, output: () => string, timeoutMs = 15_000) {
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${pattern}: ${output()}`)), timeoutMs);
    const onData = () => {
      const match = output().match(pattern);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null) => done(new Error(`exited with ${code} before ready: ${output()}`));
    function done(error?: Error, match?: RegExpMatchArray) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}
