// Callback intake under load: encrypted, signed WeCom callbacks POSTed to the real API process (its real storage:
// MongoDB via MONGO_URI or the local stand-in, Redis), compared with a bare Koa handler measured in the same run.
//   saturated: 50 connections for 10 s each → requests/s and the ratio to bare Koa
//   fixed load: 500 requests/s for 10 s → p50 / p99 acknowledgement latency
//   CPU time per request of each server process (from /proc), next to the crypto WeCom asks of us measured alone
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMongo } from '@xiaoer/dev-services/mongo';
import { startRedis } from '@xiaoer/dev-services/redis';
import { sealCallback } from '@xiaoer/dev-services/wecom-standin/callback-sender';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { SecretBox } from '../src/crypto/secret-box.js';
import { asMerchantId } from '../src/tenancy/merchant-id.js';
import { wecomAppModel } from '../src/modules/wecom/wecom-app.model.js';
import { WecomAppRepository } from '../src/modules/wecom/wecom-app.repository.js';
import { decryptFor, extractEncrypt, parseXml, verifySignature } from '../src/modules/wecom/callback/callback-codec.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function child(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE && script.endsWith('main.ts')
        ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE]
        : []),
      '--import',
      'tsx',
      script,
      ...args,
    ],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const m = /listening on (\d+)|"url":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(out);
      if (!m) return;
      // from here on the child's log lines are read and dropped, costing the bench process nothing
      proc.stdout!.off('data', onData);
      proc.stdout!.resume();
      resolve({ proc, port: Number(m[1] ?? m[2]) });
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
}

const mongo = await startMongo(process.env.MONGO_URI);
const redis = await startRedis();
const masterKey = randomBytes(32);
const mongoUri = mongo.url.replace(/\/xiaoer$/, `/bench_${randomBytes(4).toString('hex')}`);
const port = 3000 + Math.floor(Math.random() * 2000);
const api = await child(here('../src/main.ts'), ['--role', 'api'], {
  ...process.env,
  MONGO_URI: mongoUri,
  REDIS_URL: redis.url,
  SESSION_SECRET: randomBytes(24).toString('hex'),
  MASTER_KEY: masterKey.toString('hex'),
  HOST: '127.0.0.1',
  PORT: String(port),
  LOG_LEVEL: 'info',
});
const bare = await child(here('./bare-koa.ts'), [], process.env);

// The merchant's WeCom app, written the way the product stores it.
const corpId = 'wwbenchcorp';
const secrets = {
  callbackToken: randomBytes(8).toString('hex'),
  encodingAesKey: randomBytes(32).toString('base64').slice(0, 43),
};
const conn = await mongoose.createConnection(mongoUri).asPromise();
await new WecomAppRepository(wecomAppModel(conn), new SecretBox(masterKey)).save(
  asMerchantId(new mongoose.Types.ObjectId().toHexString()),
  {
    corpId,
    agentId: 1000002,
    secret: 'bench',
    ...secrets,
  },
);
await conn.close();

// Distinct events (every one is stored), pre-sealed so the load generator does no crypto.
const corp = {
  corpId,
  apps: [],
  callback: { url: '', token: secrets.callbackToken, encodingAesKey: secrets.encodingAesKey },
};
const sealed = Array.from({ length: 5000 }, (_, i) =>
  sealCallback(corp, 1000002, {
    ToUserName: corpId,
    MsgType: 'event',
    Event: 'change_external_contact',
    ChangeType: 'edit_external_contact',
    UserID: 'AMei',
    ExternalUserID: `wmBench${i}`,
    CreateTime: 1_800_000_000 + i,
  }),
);
let next = 0;
const requests = [
  {
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request) => {
      const s = sealed[next++ % sealed.length]!;
      return {
        ...req,
        path: `/wecom/callback/${corpId}?${s.query}`,
        body: s.body,
        headers: { 'content-type': 'text/xml' },
      };
    },
  },
];

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; CLK_TCK is 100). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Load on one server; `pid` is that server's process, whose CPU time per request is reported. */
async function load(url: string, pid: number, options: { connections: number; overallRate?: number }) {
  const cpuBefore = cpuMs(pid);
  const { connections, overallRate } = options;
  const result = await autocannon({ url, duration: SECONDS, connections, overallRate, requests });
  const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total);
  const { requests: served, latency } = result;
  const errors = result.errors + result.non2xx;
  return {
    rps: Math.round(served.average),
    p50: latency.p50,
    p99: latency.p99,
    errors,
    total: served.total,
    cpuPerRequest,
  };
}

/** CPU time per callback of WeCom's crypto alone, in this process: signature check and decryption, then the parse. */
function cryptoAlone(rounds: number) {
  const time = (step: (s: (typeof sealed)[number]) => void) => {
    const started = process.cpuUsage();
    for (let i = 0; i < rounds; i++) step(sealed[i % sealed.length]!);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / rounds;
  };
  const open = (s: (typeof sealed)[number]) => {
    const q = new URLSearchParams(s.query);
    const encrypted = extractEncrypt(s.body);
    verifySignature(secrets.callbackToken, q.get('timestamp')!, q.get('nonce')!, encrypted, q.get('msg_signature')!);
    return decryptFor(secrets.encodingAesKey, encrypted, corpId);
  };
  time(open); // warm up
  return { signatureAndDecrypt: time(open), withParse: time((s) => parseXml(open(s))) };
}

const bareSat = await load(`http://127.0.0.1:${bare.port}`, bare.proc.pid!, { connections: 50 });
const intakeSat = await load(`http://127.0.0.1:${api.port}`, api.proc.pid!, { connections: 50 });
const intakeFixed = await load(`http://127.0.0.1:${api.port}`, api.proc.pid!, { connections: 20, overallRate: 500 });
const crypto = cryptoAlone(20_000);

console.log(
  `MongoDB: ${mongo.description}; ${SECONDS} s per run; 2 cores shared by server, load generator and database`,
);
console.table([
  {
    run: 'bare Koa, saturated (50 conns)',
    'req/s': bareSat.rps,
    'p50 ms': bareSat.p50,
    'p99 ms': bareSat.p99,
    errors: bareSat.errors,
  },
  {
    run: 'callback intake, saturated (50 conns)',
    'req/s': intakeSat.rps,
    'p50 ms': intakeSat.p50,
    'p99 ms': intakeSat.p99,
    errors: intakeSat.errors,
  },
  {
    run: 'callback intake at 500 req/s',
    'req/s': intakeFixed.rps,
    'p50 ms': intakeFixed.p50,
    'p99 ms': intakeFixed.p99,
    errors: intakeFixed.errors,
  },
]);
console.log(`intake / bare Koa throughput: ${(intakeSat.rps / bareSat.rps).toFixed(2)}x`);
// CPU time per request of the server process alone (the database runs in its own process and is not counted).
const ms = (v: number) => `${v.toFixed(3)} ms`;
console.log('CPU time per request, server process only (the test database excluded):');
console.table({
  'bare Koa (read body, answer success)': ms(bareSat.cpuPerRequest),
  'callback intake, saturated': ms(intakeSat.cpuPerRequest),
  'callback intake at 500 req/s': ms(intakeFixed.cpuPerRequest),
  'signature check + decrypt alone': ms(crypto.signatureAndDecrypt),
  'signature check + decrypt + XML parse': ms(crypto.withParse),
});

api.proc.kill('SIGTERM');
bare.proc.kill('SIGTERM');
await new Promise((r) => api.proc.once('exit', r));
await redis.stop();
await mongo.stop();
