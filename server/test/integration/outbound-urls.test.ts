// URLs a merchant controls (the LLM base URL, script images) reach no private address however they are spelled,
// whatever their name resolves to and wherever they redirect; what they send back is read up to a cap. URLs we build
// for ourselves (the configuration check's callback, the intake webhook's address) never come from the Host header.
// The app here allows no private address (as in production); names are resolved by a stubbed resolver, and a
// safety net fails any lookup that would ask a real DNS server.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { type AppError } from '../../src/errors/app-error.js';
import { checkLlmBaseUrl, llmFetch } from '../../src/modules/ai/llm-endpoint.js';
import { MediaService } from '../../src/modules/wecom/media.service.js';
import { OutboundGuard, type Resolver } from '../../src/net/outbound-guard.js';
import { forbidNetworkDns } from '../support/no-network-dns.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

const dnsNet = forbidNetworkDns();
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082',
  'hex',
);

async function localServer(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    handle(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Names point wherever the test says; every other name does not resolve. */
const stubResolver =
  (names: Record<string, string>): Resolver =>
  async (hostname) => {
    if (!names[hostname]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address: names[hostname]!, family: names[hostname]!.includes(':') ? 6 : 4 }];
  };

let w: WecomTestApp;
const llm = new LlmStandIn();
let images: Awaited<ReturnType<typeof localServer>>;

beforeAll(async () => {
  await llm.start();
  images = await localServer((req, res) => {
    if (req.url === '/card.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/moved.png')
      return res.writeHead(302, { location: `http://inner.shop.test:${images.port}/card.png` }).end();
    res.writeHead(200, { 'content-type': 'image/png' }); // endless, with no length announced
    const chunk = Buffer.alloc(64 * 1024, 7);
    let open = true;
    res.on('close', () => (open = false));
    const pump = () => {
      while (open && res.write(chunk));
      if (open) res.once('drain', pump);
    };
    pump();
  });
  w = await startWecomTestApp({ autoReply: 'always', env: { OUTBOUND_ALLOW_PRIVATE: '' } });
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(async () => {
  await w.close();
  await llm.stop();
  await images.close();
});

const putLlm = (baseUrl: string) =>
  w.app.request('/api/ai/llm-settings', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { baseUrl, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', dailyTokenBudget: 50_000 },
  });

describe('the LLM base URL', () => {
  it('takes no query or fragment', async () => {
    for (const baseUrl of [
      'https://api.deepseek.com/v1?api-version=1',
      'https://api.deepseek.com/v1#x',
      'https://api.deepseek.com/v1?',
    ]) {
      const res = await putLlm(baseUrl);
      expect({ baseUrl, status: res.status }).toEqual({ baseUrl, status: 400 });
      expect(res.body.fields.baseUrl).toBe('接口地址不能带 ? 或 # 及后面的参数');
    }
  });

  it('is refused when it points at this machine, a private network or cloud metadata', async () => {
    const port = new URL(llm.url).port;
    const calls = llm.seen.length;
    for (const baseUrl of [
      `http://127.0.0.1:${port}/v1`,
      `http://[::1]:${port}/v1`,
      `http://2130706433:${port}/v1`,
      'http://10.0.0.8/v1',
      'http://169.254.169.254/v1',
      'http://100.100.100.200/v1',
    ]) {
      const res = await putLlm(baseUrl);
      expect({ baseUrl, status: res.status, field: res.body.fields?.baseUrl }).toEqual({
        baseUrl,
        status: 400,
        field: '接口地址不能指向内网或本机地址',
      });
    }
    expect((await w.app.request('/api/ai/llm-settings', { token: w.tenant.tokens.owner })).body.configured).toBe(false);
    expect(llm.seen.length).toBe(calls);
  });

  it('is never connected to at a private address, even when stored before these checks existed', async () => {
    const settings = w.app.container.ai.llmSettings; // stored as it was, without the settings page's checks
    await settings.save(w.tenant.merchantId, {
      baseUrl: llm.url,
      model: 'deepseek-chat',
      apiKeySealed: w.app.container.secrets.seal('sk-test-1234567890'),
      dailyTokenBudget: 50_000,
    });
    const calls = llm.seen.length;
    expect(await w.kfCustomerWrites('wmOldPrivateLlm', '杨枝甘露多少钱')).toEqual(['杨枝甘露中杯18元，大杯加3元。']); // the offline engine
    expect(llm.seen.length).toBe(calls);
    expect(await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmOldPrivateLlm')).toMatchObject({
      engine: 'offline',
    });
    await settings.remove(w.tenant.merchantId);
  });

  it('is resolved, checked and connected to through the guard: a name for a private address is refused', async () => {
    const port = new URL(llm.url).port;
    const names = {
      'llm.shop.test': '127.0.0.1',
      'ten.shop.test': '10.1.2.3',
      'meta.shop.test': '169.254.169.254',
      'six.shop.test': '::1',
    };
    const strict = new OutboundGuard({ allowHttp: true, allowPrivate: [] }, stubResolver(names));
    const production = new OutboundGuard({ allowHttp: false, allowPrivate: [] }, stubResolver(names));
    const fieldOf = (p: Promise<void>) =>
      p.then(
        () => 'accepted',
        (e: AppError) => e.fields?.baseUrl,
      );
    try {
      for (const host of ['llm', 'ten', 'meta', 'six']) {
        expect({ host, field: await fieldOf(checkLlmBaseUrl(strict, `https://${host}.shop.test/v1`)) }).toEqual({
          host,
          field: '接口地址不能指向内网或本机地址',
        });
      }
      expect(await fieldOf(checkLlmBaseUrl(strict, 'https://unknown.shop.test/v1'))).toBe(
        '接口地址的域名无法解析，请检查后重试',
      );
      expect(await fieldOf(checkLlmBaseUrl(production, 'http://llm.shop.test/v1'))).toBe('接口地址需要是 https 开头');
      // the SDK's requests go through the guard too: refused before any connection ...
      const calls = llm.seen.length;
      const refused = new OpenAI({
        baseURL: `http://llm.shop.test:${port}/v1`,
        apiKey: 'sk-x',
        maxRetries: 0,
        fetch: llmFetch(strict),
      });
      await expect(
        refused.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      ).rejects.toThrow();
      expect(llm.seen.length).toBe(calls);
      // ... and, where the address is allowed, connected to the address the guard resolved (no real DNS was asked)
      const local = new OutboundGuard({ allowHttp: true, allowPrivate: ['127.0.0.0/8'] }, stubResolver(names));
      const client = new OpenAI({
        baseURL: `http://llm.shop.test:${port}/v1`,
        apiKey: 'sk-x',
        maxRetries: 0,
        fetch: llmFetch(local),
      });
      llm.fallback = () => ({ content: '{"ok":true}' });
      await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(llm.seen.length).toBe(calls + 1);
      await local.close();
    } finally {
      await strict.close();
      await production.close();
    }
  });
});

describe('script images', () => {
  const useImage = async (url: string) => {
    const created = await w.app.request('/api/knowledge/scripts', {
      token: w.tenant.tokens.manager,
      body: { category: '欢迎', title: `图片${Math.random()}`, content: '您好～', attachment: { kind: 'image', url } },
    });
    expect(created.status).toBe(201);
    return w.app.request(`/api/knowledge/scripts/${created.body.id}/use`, { token: w.tenant.tokens.staff, body: {} });
  };

  it('are not fetched from a private address', async () => {
    const before = images.seen.length;
    for (const url of [`http://127.0.0.1:${images.port}/card.png`, `http://[::ffff:7f00:1]:${images.port}/card.png`]) {
      const res = await useImage(url);
      expect({ url, status: res.status, message: res.body.message }).toEqual({
        url,
        status: 400,
        message: '话术图片地址不能指向内网或本机地址',
      });
    }
    expect(images.seen.length).toBe(before);
  });

  describe('through a guard that lets this machine in (as the demo does), names resolved by the test', () => {
    let media: MediaService;
    let guard: OutboundGuard;
    beforeAll(() => {
      guard = new OutboundGuard(
        { allowHttp: true, allowPrivate: ['127.0.0.0/8'] },
        stubResolver({
          'img.shop.test': '127.0.0.1',
          'inner.shop.test': '127.0.0.1',
          'meta.shop.test': '169.254.169.254',
        }),
      );
      const c = w.app.container;
      media = new MediaService(c.redis, c.locks, c.wecom.contactsApi, c.wecom.apps, guard);
    });
    afterAll(() => guard.close());
    const messageOf = (url: string) =>
      media.imageMediaId(w.tenant.merchantId, url).then(
        () => 'uploaded',
        (e: AppError) => e.message,
      );

    it('uploads an image from an allowed address', async () => {
      expect(await messageOf(`http://img.shop.test:${images.port}/card.png`)).toBe('uploaded');
    });

    it('refuses an image over 2 MB while it streams, without reading the rest', async () => {
      expect(await messageOf(`http://img.shop.test:${images.port}/endless.png`)).toBe(
        '话术图片超过 2MB，请压缩后再上传',
      );
    });

    it('follows no redirect', async () => {
      const before = images.seen.length;
      expect(await messageOf(`http://img.shop.test:${images.port}/moved.png`)).toBe(
        '话术图片地址发生了跳转，请填写最终地址',
      );
      expect(images.seen.slice(before)).toEqual(['/moved.png']);
    });

    it('refuses a name that resolves to cloud metadata', async () => {
      expect(await messageOf('http://meta.shop.test/latest/meta-data/iam')).toBe('话术图片地址不能指向内网或本机地址');
    });
  });
});

describe('URLs we build for ourselves', () => {
  /** A request with a Host header of the caller's choosing (fetch does not let us set one). */
  const withHost = (path: string, host: string, token: string, method = 'GET') =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = httpRequest(
        `${w.app.url}${path}`,
        { method, headers: { host, 'x-forwarded-host': host, authorization: `Bearer ${token}` } },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('the configuration check calls our own address, not one named in the Host header', async () => {
    const trap = await localServer((_req, res) => res.writeHead(200).end('nope'));
    try {
      const res = await withHost('/api/wecom/config-check', `127.0.0.1:${trap.port}`, w.tenant.tokens.manager);
      expect(res.status).toBe(200);
      expect(trap.seen).toEqual([]);
      const callback = res.body.checks.find((c: { key: string }) => c.key === 'callback');
      expect(callback).toMatchObject({
        ok: true,
        message: `回调地址 ${w.app.url}/wecom/callback/${w.corpId} 可以通过企业微信的校验`,
      });
    } finally {
      await trap.close();
    }
  });

  it('the intake webhook address shown to the owner is ours, whatever the Host header says', async () => {
    const token = w.tenant.tokens.owner;
    expect((await w.app.request('/api/intake/endpoints', { token, body: { name: '收银系统' } })).status).toBe(201);
    const res = await withHost('/api/intake/endpoints', 'evil.example:8443', token);
    expect(res.status).toBe(200);
    expect(res.body.items[0].url.startsWith(`${w.app.url}/intake/`)).toBe(true);
  });
});

it('asked no real DNS server anything', () => {
  expect(dnsNet.attempted).toEqual([]);
});
