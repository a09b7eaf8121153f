import { describe, expect, it } from 'vitest';
import { loadConfig, parseRole } from './env.js';

const valid = {
  MONGO_URI: 'mongodb://127.0.0.1:27017/xiaoer',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  MASTER_KEY: 'ab'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.demoMode).toBe(false);
    expect(config.masterKey).toHaveLength(32);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('names the missing secret', () => {
    const { SESSION_SECRET: _, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(/^invalid configuration: SESSION_SECRET is required/);
  });

  it('names every bad variable on one line', () => {
    let message = '';
    try {
      loadConfig({ ...valid, MONGO_URI: 'postgres://x', PORT: 'eighty', MASTER_KEY: 'short' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toContain('\n');
    expect(message).toContain('MONGO_URI must be a mongodb://');
    expect(message).toContain('PORT');
    expect(message).toContain('MASTER_KEY must be 64 hex characters');
  });

  it('parses lists and booleans', () => {
    const config = loadConfig({ ...valid, CORS_ORIGINS: 'http://a.cn, http://b.cn', DEMO_MODE: 'true' });
    expect(config.http.corsOrigins).toEqual(['http://a.cn', 'http://b.cn']);
    expect(config.demoMode).toBe(true);
  });
});

describe('the 代开发 template (way 2)', () => {
  const suite = {
    WECOM_SUITE_ID: 'dk0123456789abcdef',
    WECOM_SUITE_SECRET: 's'.repeat(40),
    WECOM_SUITE_TOKEN: 'T0ken',
    WECOM_SUITE_AES_KEY: 'a'.repeat(43),
  };

  it('is absent unless configured, and read whole when it is', () => {
    expect(loadConfig(valid).wecom.suite).toBeUndefined();
    expect(loadConfig({ ...valid, ...suite }).wecom.suite).toEqual({
      suiteId: 'dk0123456789abcdef',
      secret: 's'.repeat(40),
      token: 'T0ken',
      encodingAesKey: 'a'.repeat(43),
      authType: 0,
    });
  });

  it('takes all four or none, and an EncodingAESKey of 43 letters and digits', () => {
    const { WECOM_SUITE_TOKEN: _, ...three } = suite;
    expect(() => loadConfig({ ...valid, ...three })).toThrow(
      /WECOM_SUITE_ID and WECOM_SUITE_SECRET, WECOM_SUITE_TOKEN/,
    );
    expect(() => loadConfig({ ...valid, ...suite, WECOM_SUITE_AES_KEY: 'short' })).toThrow(/WECOM_SUITE_AES_KEY/);
  });
});

describe('parseRole', () => {
  it('reads --role in both spellings and defaults to all', () => {
    expect(parseRole([])).toBe('all');
    expect(parseRole(['--role', 'api'])).toBe('api');
    expect(parseRole(['--role=worker'])).toBe('worker');
  });

  it('rejects an unknown role', () => {
    expect(() => parseRole(['--role', 'web'])).toThrow(/--role must be one of api, worker, all/);
  });
});

describe('hardening defaults', () => {
  const production = { ...valid, NODE_ENV: 'production', PUBLIC_URL: 'https://xiaoer.example.com' };

  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(loadConfig(valid).http.host).toBe('127.0.0.1');
    expect(loadConfig({ ...valid, HOST: '0.0.0.0' }).http.host).toBe('0.0.0.0');
  });

  it('refuses to boot in production without PUBLIC_URL, naming the variable', () => {
    const { PUBLIC_URL: _, ...rest } = production;
    expect(() => loadConfig(rest)).toThrow(/^invalid configuration: PUBLIC_URL is required in production/);
    expect(loadConfig(production).http.publicUrl).toBe('https://xiaoer.example.com');
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://xiaoer.example.com/' }).http.publicUrl).toBe(
      'https://xiaoer.example.com',
    );
  });

  it('takes TRUST_PROXY as a number of proxy hops, true meaning one', () => {
    expect(loadConfig(valid).http.trustProxyHops).toBe(0);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'true' }).http.trustProxyHops).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'false' }).http.trustProxyHops).toBe(0);
    expect(loadConfig({ ...valid, TRUST_PROXY: '2' }).http.trustProxyHops).toBe(2);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('is strict about outbound URLs in production: https only, no private addresses, no way to allow them', () => {
    expect(loadConfig(production).outbound).toEqual({ allowHttp: false, allowPrivate: [] });
    expect(() => loadConfig({ ...production, OUTBOUND_ALLOW_PRIVATE: '127.0.0.0/8' })).toThrow(
      /OUTBOUND_ALLOW_PRIVATE is not allowed in production/,
    );
    // elsewhere plain http is allowed, private addresses only when listed
    expect(loadConfig(valid).outbound).toEqual({ allowHttp: true, allowPrivate: [] });
    expect(loadConfig({ ...valid, OUTBOUND_ALLOW_PRIVATE: '127.0.0.0/8, ::1' }).outbound.allowPrivate).toEqual([
      '127.0.0.0/8',
      '::1',
    ]);
    expect(() => loadConfig({ ...valid, OUTBOUND_ALLOW_PRIVATE: 'intranet' })).toThrow(/OUTBOUND_ALLOW_PRIVATE/);
  });
});
