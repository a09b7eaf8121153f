// The runner alone, with stand-in detectors: which ones run, and what happens to what they find.
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { describe, expect, it } from 'vitest';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { NewAlert } from './alert.service.js';
import type { Detector } from './detectors/detector.js';
import type { Detectors } from './detectors/index.js';
import { OwnerAlertsService } from './owner-alerts.service.js';

const merchantId = asMerchantId('64b000000000000000000001');
// a milk-tea shop: low_stock on, slow_movers and new_order off in its template; 10:00 in Shanghai
const now = new Date('2026-11-30T02:00:00Z');
const kb = { merchant: { industry: '餐饮', holidays: [], timezone: 'Asia/Shanghai' }, products: [] };

function setup(detectors: Partial<Detectors>, raisedNew = 1, raisedKeys: string[] = []) {
  const ran: string[] = [];
  const raised: NewAlert[][] = [];
  const asked: { kind: ScenarioKey; keys: string[] }[] = [];
  let delivered = 0;
  const service = new OwnerAlertsService({
    knowledge: { get: async () => kb as unknown as KnowledgeBase },
    alerts: {
      raise: async (_m, alerts) => (raised.push(alerts), raisedNew),
      deliverPending: async () => (delivered++, 0),
      keysRaised: async (_m, kind, keys) => (
        asked.push({ kind, keys }),
        new Set(keys.filter((k) => raisedKeys.includes(k)))
      ),
    },
    detectors: {
      scan: [],
      intake: [],
      customerLeft: detector('customer_left', ran),
      campaignFailed: detector('campaign_failed', ran),
      ...detectors,
    },
  });
  return { service, ran, raised, asked, delivered: () => delivered };
}

function detector<I>(kind: ScenarioKey, ran: string[], due?: boolean, keysDue?: string[]): Detector<I> {
  return {
    kind,
    ...(due === undefined ? {} : { due: () => due }),
    ...(keysDue ? { keysDue: async () => keysDue } : {}),
    detect: async () => (ran.push(kind), [{ kind, key: kind, level: 'info', title: kind, body: '' }]),
  };
}

describe('owner alerts runner', () => {
  it('runs the scan detectors switched on and due, raises what they found in order, and tells the owner', async () => {
    const ran: string[] = [];
    const t = setup({
      scan: [
        detector('low_stock', ran),
        detector('slow_movers', ran), // off for this industry
        detector('expiring_stock', ran, false), // not its hour yet
        detector('order_timeout', ran, true),
      ],
    });
    expect(await t.service.scan(merchantId, now)).toBe(1);
    expect(ran.sort()).toEqual(['low_stock', 'order_timeout']);
    expect(t.raised.map((r) => r.map((a) => a.kind))).toEqual([['low_stock', 'order_timeout']]);
    expect(t.delivered()).toBe(1);
  });

  it('skips a heavy detector whose keys due now were all raised, before it reads anything', async () => {
    const ran: string[] = [];
    const t = setup(
      {
        scan: [
          detector('low_stock', ran),
          detector('weather_prep', ran, true, ['12-01:rain']), // told already
          detector('holiday_prep', ran, true, ['12-01:rain', '12-01:cold']), // a new key: runs
          detector('order_timeout', ran, true, []), // nothing due
          detector('expiring_stock', ran, false, ['x']), // not its hour: not even asked
        ],
      },
      1,
      ['12-01:rain'],
    );
    await t.service.scan(merchantId, now);
    expect(ran.sort()).toEqual(['holiday_prep', 'low_stock']);
    expect(t.asked.map((a) => a.kind).sort()).toEqual(['holiday_prep', 'order_timeout', 'weather_prep']);
  });

  it('after intake, tells the owner only when something new was raised', async () => {
    const ran: string[] = [];
    const quiet = setup({ intake: [detector('new_order', ran)] }); // off for this industry
    await quiet.service.onIntake(merchantId, [], now);
    expect(quiet.raised).toEqual([]);
    const repeat = setup({ intake: [detector('bad_review', ran)] }, 0); // raised before
    await repeat.service.onIntake(merchantId, [], now);
    expect(repeat.raised).toHaveLength(1);
    expect(repeat.delivered()).toBe(0);
  });

  it('raises a customer leaving and tells the owner at once', async () => {
    const t = setup({});
    await t.service.customerLeft(merchantId, { _id: undefined } as never, '小李', now);
    expect(t.ran).toEqual(['customer_left']);
    expect(t.delivered()).toBe(1);
  });
});
