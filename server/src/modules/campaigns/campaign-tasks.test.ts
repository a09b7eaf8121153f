import { describe, expect, it } from 'vitest';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import type { CampaignAudienceReckoner, Reckoning } from './campaign-audience.js';
import { CampaignTasks, chunk } from './campaign-tasks.js';
import type { GroupSendService } from './group-send.service.js';
import type { RedisLock } from '../../redis/lock.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';

const merchantId = asMerchantId('64b000000000000000000001');
let n = 0;
/** an id as the repositories return it (only its hex is read) */
const oid = () => {
  const hex = (++n).toString(16).padStart(24, '0');
  return { toHexString: () => hex, toString: () => hex };
};

function service(customers: number, taskLimit: number, lockFree = true) {
  const staff = { _id: oid(), name: '小王', wecomUserId: 'wang' };
  const reckoning: Reckoning = {
    matched: customers,
    bySender: new Map([
      [
        String(staff._id),
        {
          staff: staff as never,
          customers: Array.from(
            { length: customers },
            (_, i) => ({ externalUserId: `wm${i}`, name: `客${i}` }) as never,
          ),
        },
      ],
    ]),
    excluded: new Map(),
  };
  const asked: { key: string; externalUserIds: string[] }[] = [];
  let refusing = false;
  const groupSends = {
    createVetted: async (_m: unknown, input: { key: string; externalUserIds: string[] }) => {
      asked.push(input);
      if (refusing) {
        refusing = false;
        throw new WecomApiError(60111, 'invalid userid', '/cgi-bin/externalcontact/add_msg_template');
      }
      return { _id: oid(), senderStaffId: staff._id, externalUserIds: input.externalUserIds };
    },
    findByKeyPrefix: async () => [],
    findByKey: async () => null,
  } as unknown as Pick<GroupSendService, 'createVetted' | 'findByKey' | 'findByKeyPrefix'>;
  const held = new Set<string>();
  const locks = {
    tryAcquire: async (key: string) => {
      if (!lockFree || held.has(key)) return null;
      held.add(key);
      return { release: async () => held.delete(key) };
    },
  } as unknown as RedisLock;
  const audience = { reckon: async () => reckoning } as unknown as CampaignAudienceReckoner;
  return {
    campaigns: new CampaignTasks({ audience, groupSends, locks, taskLimit }),
    asked,
    held,
    refuseNext: () => (refusing = true),
  };
}

describe('a campaign’s tasks', () => {
  it('splits one staff member’s recipients only past WeCom’s per-task limit, each part under its own key', async () => {
    const { campaigns, asked } = service(5, 2);
    const sent = await campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k1234567' }, new Date());
    expect(asked.map((a) => a.externalUserIds)).toEqual([['wm0', 'wm1'], ['wm2', 'wm3'], ['wm4']]);
    expect(asked.map((a) => a.key.replace(/-[0-9a-f]{24}-/, '-<staff>-'))).toEqual([
      'campaign-k1234567-<staff>-0',
      'campaign-k1234567-<staff>-1',
      'campaign-k1234567-<staff>-2',
    ]);
    expect(sent.tasks.map((t) => t.externalUserIds.length)).toEqual([2, 2, 1]);
  });

  it('makes one task for a staff member within the limit', async () => {
    const { campaigns, asked } = service(10_000, 10_000);
    await campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k7654321' }, new Date());
    expect(asked).toHaveLength(1);
  });

  it('asks WeCom nothing while another request sends the same campaign', async () => {
    const { campaigns, asked } = service(3, 10, false);
    await expect(
      campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k0000000' }, new Date()),
    ).rejects.toThrow('正在创建中');
    expect(asked).toEqual([]);
  });

  it('does not ask WeCom again for a part an interrupted attempt asked for and never stored', async () => {
    const { campaigns, asked, held } = service(5, 2);
    const first = await campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k1111111' }, new Date());
    expect(first.uncertain).toBe(0);
    expect(asked).toHaveLength(3);
    // the tasks were never stored (the fake stores nothing), as if each attempt died after WeCom answered
    const again = await campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k1111111' }, new Date());
    expect(asked).toHaveLength(3);
    expect(again.uncertain).toBe(5);
    expect([...held].every((k) => k.includes('campaign-asked'))).toBe(true);
  });

  it('asks again for a part WeCom refused (no task exists)', async () => {
    const { campaigns, asked, refuseNext } = service(2, 10);
    refuseNext();
    await expect(
      campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k2222222' }, new Date()),
    ).rejects.toThrow();
    const again = await campaigns.make(merchantId, { audience: {}, text: '上新', key: 'k2222222' }, new Date());
    expect(again.uncertain).toBe(0);
    expect(asked).toHaveLength(2);
  });

  it('chunks', () => {
    expect(chunk([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(chunk([], 3)).toEqual([]);
  });
});
