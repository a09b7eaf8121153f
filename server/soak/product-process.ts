// One product process (`src/main.ts --role api|worker`) as a real child writing its log straight to a file: started,
// waited for ("process started" in its log), killed outright, or stopped with SIGTERM as a supervisor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ProductProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    readonly name: string,
    readonly role: 'api' | 'worker',
    private env: Record<string, string>,
    private logDir: string,
  ) {}

  get logFile(): string {
    return join(this.logDir, `${this.name}.log`);
  }

  /** Resolves once the process logged "process started"; rejects if it exits first or is not up in `timeoutMs`. */
  async start(timeoutMs = 90_000): Promise<void> {
    const log = openSync(this.logFile, 'a');
    const args = ['--import', 'tsx', MAIN, '--role', this.role];
    const child = spawn(process.execPath, args, { env: this.env, stdio: ['ignore', log, log] });
    closeSync(log);
    this.child = child;
    let exitCode: number | null | undefined;
    this.exited = new Promise((resolve) => child.once('exit', (code) => ((exitCode = code), resolve())));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = readFileSync(this.logFile, 'utf8');
      if (text.includes('"process started"')) return;
      if (exitCode !== undefined) throw new Error(`${this.name} exited (${exitCode}) at start: ${text.slice(-500)}`);
      if (Date.now() > deadline) throw new Error(`${this.name} not up after ${timeoutMs} ms (see ${this.logFile})`);
      await sleep(100);
    }
  }

  /** A crash: no shutdown, leases and locks left behind. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** A supervisor's stop: SIGTERM (drain), SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await this.exited;
    clearTimeout(force);
  }

  /** Last resort when the soak itself must exit at once. */
  killNow(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
