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
