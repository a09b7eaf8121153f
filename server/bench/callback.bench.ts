// Callback intake under load: encrypted, signed WeCom callbacks POSTed to the real API process (its real storage:
// MongoDB via MONGO_URI or the local stand-in, Redis), compared with a bare Koa handler measured in the same run.
//   saturated: 50 connections for 10 s each → requests/s and the ratio to bare Koa
//   fixed load: 500 requests/s for 10 s → p50 / p99 acknowledgement latency
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function child(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, [...(process.env.BENCH_PROFILE && script.endsWith('main.ts') ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []), '--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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
const secrets = { callbackToken: randomBytes(8).toString('hex'), encodingAesKey: randomBytes(32).toString('base64').slice(0, 43) };
const conn = await mongoose.createConnection(mongoUri).asPromise();
await new WecomAppRepository(wecomAppModel(conn), new SecretBox(masterKey)).save(asMerchantId(new mongoose.Types.ObjectId().toHexString()), {
  corpId,
  agentId: 1000002,
  secret: 'bench',
  ...secrets,
});
await conn.close();

// Distinct events (every one is stored), pre-sealed so the load generator does no crypto.
const corp = { corpId, apps: [], callback: { url: '', token: secrets.callbackToken, encodingAesKey: secrets.encodingAesKey } };
const sealed = Array.from({ length: 5000 }, (_, i) =>
  sealCallback(corp, 1000002, { ToUserName: corpId, MsgType: 'event', Event: 'change_external_contact', ChangeType: 'edit_external_contact', UserID: 'AMei', ExternalUserID: `wmBench${i}`, CreateTime: 1_800_000_000 + i }),
);
let next = 0;
const requests = [
  {
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request) => {
      const s = sealed[next++ % sealed.length]!;
      return { ...req, path: `/wecom/callback/${corpId}?${s.query}`, body: s.body, headers: { 'content-type': 'text/xml' } };
    },
  },
];

async function load(url: string, options: { connections: number; overallRate?: number }) {
  const result = await autocannon({ url, duration: SECONDS, connections: options.connections, overallRate: options.overallRate, requests });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
}

const bareSat = await load(`http://127.0.0.1:${bare.port}`, { connections: 50 });
const intakeSat = await load(`http://127.0.0.1:${api.port}`, { connections: 50 });
const intakeFixed = await load(`http://127.0.0.1:${api.port}`, { connections: 20, overallRate: 500 });

console.log(`MongoDB: ${mongo.description}; ${SECONDS} s per run; 2 cores shared by server, load generator and database`);
console.table([
  { run: 'bare Koa, saturated (50 conns)', 'req/s': bareSat.rps, 'p50 ms': bareSat.p50, 'p99 ms': bareSat.p99, errors: bareSat.errors },
  { run: 'callback intake, saturated (50 conns)', 'req/s': intakeSat.rps, 'p50 ms': intakeSat.p50, 'p99 ms': intakeSat.p99, errors: intakeSat.errors },
  { run: 'callback intake at 500 req/s', 'req/s': intakeFixed.rps, 'p50 ms': intakeFixed.p50, 'p99 ms': intakeFixed.p99, errors: intakeFixed.errors },
]);
console.log(`intake / bare Koa throughput: ${(intakeSat.rps / bareSat.rps).toFixed(2)}x`);

api.proc.kill('SIGTERM');
bare.proc.kill('SIGTERM');
await new Promise((r) => api.proc.once('exit', r));
await redis.stop();
await mongo.stop();
