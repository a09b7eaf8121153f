import { describe, expect, it } from 'vitest';
import { audienceLine, audienceOf, newSendKey, previewLines, resultLines, statusLine, toggled } from './campaigns';

describe('the campaign page’s audience and preview', () => {
  it('sends only the choices made, and day bounds as numbers', () => {
    expect(audienceOf({ tags: [], lifecycle: ['沉睡'] }, '', ' ')).toEqual({ lifecycle: ['沉睡'] });
    expect(audienceOf({ tags: ['奶茶'] }, '30', '')).toEqual({ tags: ['奶茶'], lastVisitDays: { min: 30 } });
  });

  it('toggles a choice on and off', () => {
    expect(toggled(undefined, 'vip')).toEqual(['vip']);
    expect(toggled(['vip', 'regular'], 'vip')).toEqual(['regular']);
  });

  it('reads the preview as counts per staff member and reasons with a few names', () => {
    const lines = previewLines({
      matched: 12,
      senders: [
        { staffId: 'a', name: '小王', recipients: 6 },
        { staffId: 'b', name: '小李', recipients: 3 },
      ],
      excluded: [
        { reason: 'opted_out', count: 2, sample: ['张三', '李四'] },
        { reason: 'weekly_cap', count: 7, sample: ['王五'] },
      ],
    });
    expect(lines.summary).toBe('共 12 位客户，9 位会收到，分 2 个群发任务');
    expect(lines.senders[0]).toBe('小王：6 位（在企业微信里确认一次）');
    expect(lines.excluded).toEqual([
      { reason: 'opted_out', text: '已退订 2 位', names: '张三、李四' },
      { reason: 'weekly_cap', text: '本周已达主动消息上限 7 位', names: '王五 等' },
    ]);
  });

  it('makes send keys the server accepts, a new one each time', () => {
    const [a, b] = [newSendKey(), newSendKey()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('reads a campaign’s results as figures, failure reasons and when they were read', () => {
    const lines = resultLines({
      recipients: 9,
      sent: 5,
      unconfirmed: 2,
      failed: [
        { reason: 'not_contact', count: 1 },
        { reason: 'received_other', count: 1 },
      ],
      replied: 2,
      bought: 1,
    });
    expect(lines.figures.map((f) => `${f.label} ${f.value}`)).toEqual([
      '已送达 5',
      '员工未确认 2',
      '7天内回复 2',
      '7天内下单 1',
    ]);
    expect(lines.failed).toEqual(['已不是员工的好友 1 位', '已收到过其他群发 1 位']);
    expect(lines.checked).toBe('还没有从企业微信取回结果');
  });

  it('says when a campaign goes or went, and who it is for', () => {
    const at = new Date(2026, 9, 1, 9, 0).toISOString();
    expect(statusLine({ status: 'scheduled', sendAt: at, createdAt: at })).toBe('待发送 · 10-01 09:00 发');
    expect(statusLine({ status: 'cancelled', createdAt: at })).toBe('已取消 · 10-01 09:00');
    expect(statusLine({ status: 'failed', createdAt: at, failedReason: '企业微信暂时没有响应' })).toBe(
      '没发出去：企业微信暂时没有响应',
    );
    expect(audienceLine({})).toBe('全部客户');
    expect(audienceLine({ tags: ['周末活动'], lastVisitDays: { min: 30 } })).toBe('标签：周末活动；最近到店 30–∞ 天前');
  });
});
