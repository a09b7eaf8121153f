import type { OperatorMerchantDto } from '@xiaoer/common/schemas/operator';
import { describe, expect, it } from 'vitest';
import { canRevoke, healthFigures, setupFigures } from './operator-view';

const merchant = (over: Partial<OperatorMerchantDto['setup']> = {}, failed = 0): OperatorMerchantDto => ({
  id: 'm1',
  name: '茶语时光',
  industry: '餐饮',
  createdAt: '2026-11-23T06:30:00.000Z',
  setup: { link: { status: 'open' }, ownerJoined: false, wecomConnected: false, staffCount: 0, ...over },
  health: {
    lastCallbackAt: null,
    botAnswersToday: 3,
    handoffsToday: 1,
    llmTokensToday: 12500,
    failedInboxEvents: failed,
  },
});

describe('the operator’s list', () => {
  it('says where each merchant’s setup stands', () => {
    const waiting = setupFigures(merchant());
    expect(waiting.reached).toBe(0);
    expect(waiting.figures.map((f) => `${f.label}:${f.value}`)).toEqual([
      '开通链接:链接已发，等老板打开',
      '老板:未加入',
      '企业微信:未连接',
      '员工:0 人',
    ]);
    const going = setupFigures(
      merchant({ link: { status: 'used' }, ownerJoined: true, wecomConnected: true, staffCount: 4 }),
    );
    expect(going).toMatchObject({ reached: 3, of: 3 });
    expect(setupFigures(merchant({ link: { status: 'expired' } })).figures[0]).toMatchObject({ warn: true });
  });

  it('flags a connected merchant without callbacks and failed inbox events', () => {
    const quiet = healthFigures(merchant({ wecomConnected: true }, 2));
    expect(quiet.filter((f) => f.warn).map((f) => f.label)).toEqual(['最近回调', '处理失败的事件']);
    expect(quiet.find((f) => f.label === '今日大模型用量')!.value).toBe('12,500 tokens');
    expect(healthFigures(merchant()).some((f) => f.warn)).toBe(false); // not connected yet: no callbacks expected
  });

  it('revokes only an open link', () => {
    expect(canRevoke(merchant())).toBe(true);
    expect(canRevoke(merchant({ link: { status: 'used' } }))).toBe(false);
  });
});
