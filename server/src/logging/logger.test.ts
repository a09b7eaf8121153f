import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, runWithLogContext } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', pretty: false }, stream), lines };
}

describe('logger', () => {
  it('redacts secrets, tokens, phone numbers and message content at any shallow depth', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        token: 't',
        customer: { phone: '13800138000', name: '小王' },
        msg: { body: { content: '我要退款' } },
        corpSecret: 's',
      },
      'x',
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('13800138000');
    expect(line).not.toContain('我要退款');
    expect(line).not.toContain('"t"');
    expect(line).toContain('小王');
  });

  it('adds the request context to every line', () => {
    const { logger, lines } = capture();
    runWithLogContext({ requestId: 'r-1', merchantId: 'm-1' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'r-1', merchantId: 'm-1', msg: 'inside' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });
});
