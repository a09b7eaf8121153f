// The soak's verdict and figures, printed.
import type { Connection } from 'mongoose';
import type { SoakCustomer, StandInWatch } from './customers.js';
import type { GroupSendRun } from './group-sends.js';
import type { Proxy } from './proxy.js';
import type { AnsweredMessage, Check } from './verify.js';

export const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface Faults {
  redisDownAt: number;
  redisUpAt: number;
  killedAt: number;
  /** worker-1's WeCom calls, per API, that had taken effect but whose answers it had not heard when it was killed */
  heldAtKill: Record<string, number>;
  replacedAt: number;
}

export interface SoakRun {
  checks: Check[];
  attribution: { messages: AnsweredMessage[]; byTime: number; strangers: number };
  customers: SoakCustomer[];
  groupSends: GroupSendRun[];
  faults: Faults;
  proxy: Proxy;
  watch: StandInWatch;
  logDir: string;
  started: number;
  loadStart: number;
  loadEnd: number;
  drainedAt: number;
  /** one line per kind of inbox event (inboxSummary) */
  inbox: string[];
}

export function printReport(r: SoakRun): void {
  const { messages } = r.attribution;
  const answered = messages.filter((m) => m.replyTimes.length);
  const latencies = answered.map((m) => m.replyTimes[0]! - m.writtenAt).sort((a, b) => a - b);
  const firstWrite = Math.min(...messages.map((m) => m.writtenAt));
  const duringLoad = answered.filter((m) => m.replyTimes[0]! <= r.loadEnd).length;
  const lastReply = Math.max(...answered.map((m) => m.replyTimes[0]!));
  const at = (ms: number) => seconds(ms - r.started);
  const { faults: f } = r;
  const callbacksLost = r.customers.reduce((s, x) => s + x.undelivered + (x.addDelivered ? 0 : 1), 0);

  console.log('\nChecks');
  for (const ch of r.checks) console.log(`  ${ch.ok ? 'ok  ' : 'FAIL'} ${ch.name}: ${ch.detail}`);
  console.log('\nFigures');
  const lines: [string, string][] = [
    ['processes', `2 API (requests split ${r.proxy.counts.join(' / ')}), 2 workers`],
    [
      'faults',
      `Redis down ${at(f.redisDownAt)}–${at(f.redisUpAt)}; worker-1 SIGKILLed at ${at(f.killedAt)} ` +
        `with WeCom calls in flight ${JSON.stringify(f.heldAtKill)}, worker-3 up at ${at(f.replacedAt)}`,
    ],
    [
      'load',
      `${r.customers.length} customers added the shop and wrote ${messages.length} 微信客服 messages, ` +
        `${r.groupSends.length} group sends; ${at(r.loadStart)}–${at(r.loadEnd)}`,
    ],
    [
      'throughput',
      `${(duringLoad / ((r.loadEnd - firstWrite) / 1000)).toFixed(1)} messages answered/s during the load, ` +
        `${(answered.length / ((lastReply - firstWrite) / 1000)).toFixed(1)}/s from first message to last answer`,
    ],
    [
      'answer latency',
      `p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms, max ${latencies.at(-1)} ms ` +
        '(the stand-in gets the message → gets our reply)',
    ],
    ['unanswered', `${messages.length - answered.length} of ${messages.length}`],
    ['drain', `${seconds(r.drainedAt - r.loadEnd)} after the load`],
    ['attribution', `${r.attribution.byTime} replies matched by time, not text; ${r.attribution.strangers} strangers`],
    ['WeCom errcodes', [...r.watch.errors].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'],
    ['callbacks lost', `${callbacksLost} unacknowledged after WeCom's three attempts; ${r.proxy.failures} proxy 502s`],
    ...r.inbox.map((line, i): [string, string] => [i ? '' : 'inbox', line]),
    ['logs', r.logDir],
  ];
  for (const [k, v] of lines) console.log(`  ${k.padEnd(15)} ${v}`);
}

/** How the inbox went, per kind of event: how many, how many needed more than one attempt, time to done. */
export async function inboxSummary(db: Connection): Promise<string[]> {
  const events = await db
    .collection('wecom_inbox')
    .find({}, { projection: { kind: 1, attempts: 1, receivedAt: 1, doneAt: 1 } })
    .toArray();
  const kinds = [...new Set(events.map((e) => String(e.kind)))].sort();
  return kinds.map((kind) => {
    const mine = events.filter((e) => e.kind === kind);
    const waits = mine
      .filter((e) => e.doneAt)
      .map((e) => e.doneAt.getTime() - e.receivedAt.getTime())
      .sort((a, b) => a - b);
    const retried = mine.filter((e) => e.attempts > 1).length;
    const p = (q: number) => quantile(waits, q);
    return `${kind}: ${mine.length}, ${retried} retried; arrival → done p50 ${p(0.5)}, p95 ${p(0.95)}, max ${p(1)} ms`;
  });
}
