// Fixed-window rate limits count per window (redis/rate-limiter.ts): a burst that straddles a window's edge is split
// over two windows and never reaches the limit, so a test of a limit starts well inside one.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the next window when fewer than `marginMs` are left of this one (the margin must cover the burst). */
export async function awayFromWindowEdge(windowMs: number, marginMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 50);
}
