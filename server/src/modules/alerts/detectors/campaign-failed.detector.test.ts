import { describe, expect, it } from 'vitest';
import { campaignFailedRule } from './campaign-failed.detector.js';

describe('campaign failed rule', () => {
  const failed = {
    id: '6500000000000000000000cc',
    text: '中秋快乐～月饼礼盒今天起预订，老顾客九折，到店自取更方便',
    reason: '应用没有调用这个接口的权限（错误码 48002）',
    fix: '到企业微信管理后台 → 客户联系 → API，把小二的应用加入“可调用接口的应用”',
    attempts: 3,
  };

  it('says which campaign, that nobody got it, why and what to do, once per campaign', () => {
    expect(campaignFailedRule(failed)).toEqual({
      kind: 'campaign_failed',
      key: '6500000000000000000000cc',
      level: 'warning',
      title: '定时群发没发出去：中秋快乐～月饼礼盒今天起预订，老…',
      body:
        '定时群发「中秋快乐～月饼礼盒今天起预订，老…」试了3次都没发出去，客户没有收到。' +
        '原因：应用没有调用这个接口的权限（错误码 48002）。' +
        '请先到企业微信管理后台 → 客户联系 → API，把小二的应用加入“可调用接口的应用”，' +
        '再在 草稿 → 群发 → 新建群发 里重新发一次。',
      data: { campaignId: '6500000000000000000000cc' },
    });
  });

  it('names a short campaign whole, on one line, and says to try later when there is nothing to fix', () => {
    const { fix: _fix, ...busy } = failed;
    const alert = campaignFailedRule({ ...busy, text: '周末\n八折', reason: '企业微信暂时没有响应，请稍后再发一次' });
    expect(alert.title).toBe('定时群发没发出去：周末 八折');
    expect(alert.body).toBe(
      '定时群发「周末 八折」试了3次都没发出去，客户没有收到。原因：企业微信暂时没有响应，请稍后再发一次。' +
        '可以在 草稿 → 群发 → 新建群发 里重新发一次。',
    );
  });
});
