// The documented examples of the WeCom setup's contracts (way 1, with way 2 offered): what the owner's console sends and what it gets.
import { describe, expect, it } from 'vitest';
import * as setup from './wecom-setup.js';

const AT = '2026-11-23T06:30:00.000Z';

const view = {
  app: {
    mode: 'self_built',
    corpId: 'ww590aa0af95637b5b',
    agentId: 1000002,
    secretHint: '••••••k3Zq',
    callbackToken: 'Qw8ZkT3vR1mNc7LpXy2BfH6dJ9sA4eGu',
    encodingAesKey: 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kM7nP9r',
    corpName: null,
    disabledAt: null,
    updatedAt: AT,
  },
  paste: {
    callbackUrl: 'https://xiaoer.example.com/wecom/callback/ww590aa0af95637b5b',
    trustedDomain: 'xiaoer.example.com',
    egressIps: ['203.0.113.7'],
  },
  callback: { verifiedAt: AT, lastEventAt: null },
  kfAccounts: [{ openKfId: 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', name: '门店客服' }],
  // the operator offers way 2 too, and no authorisation link is waiting
  agency: { available: true, pendingUntil: null, failure: null },
  steps: [
    { key: 'credentials', title: '企业ID、AgentId 和 Secret', done: true, message: '已保存', at: AT },
    { key: 'callback', title: '接收消息（回调地址）', done: true, message: '企业微信已验证回调地址', at: AT },
    { key: 'kf', title: '小二接待的微信客服账号', done: true, message: '小二接待：门店客服' },
  ],
};

describe('WeCom setup contracts', () => {
  it('take the corp ID, AgentId and (the first time) the Secret, trimmed', () => {
    expect(
      setup.saveApp.request.parse({ corpId: ' ww590aa0af95637b5b ', agentId: 1000002, secret: 'x'.repeat(43) }),
    ).toEqual({ corpId: 'ww590aa0af95637b5b', agentId: 1000002, secret: 'x'.repeat(43) });
    expect(setup.saveApp.request.parse({ corpId: 'ww590aa0af95637b5b', agentId: 1000002 })).not.toHaveProperty(
      'secret',
    );
    const bad = setup.saveApp.request.safeParse({ corpId: '企业', agentId: '1000002', secret: 'a b' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['agentId', 'corpId', 'secret']);
  });

  it('answer with the setup: the Secret only as a hint, the keys to paste, each step', () => {
    expect(setup.setup.response.parse(view)).toEqual(view);
    expect(setup.setup.response.safeParse({ ...view, app: { ...view.app, secret: 'leak' } }).success).toBe(false);
    expect(
      setup.setup.response.parse({
        ...view,
        app: null,
        paste: {
          callbackUrl: null,
          trustedDomain: 'xiaoer.example.com',
          egressIps: [],
          egressIpsNote: '出口 IP 未登记',
        },
        callback: { verifiedAt: null, lastEventAt: null },
        kfAccounts: [],
      }).app,
    ).toBeNull();
  });

  it('report each check with its step, status and fix, and the 微信客服 accounts to choose from', () => {
    const check = {
      key: 'customer_contact',
      step: 'customer_contact',
      title: '客户联系权限',
      status: 'failed',
      message: '小二应用还没有客户联系权限（错误码 48002）',
      fix: '到企业微信管理后台 → 客户与上下游 → 客户联系 → API → 可调用接口的应用，添加小二',
    };
    expect(setup.checks.response.parse({ checks: [check], checkedAt: AT }).checks[0]).toEqual(check);
    expect(
      setup.kfAccounts.response.parse({
        accounts: [{ openKfId: 'wkA', name: '门店客服', authorised: true, served: false }],
      }).accounts,
    ).toHaveLength(1);
    expect(setup.chooseKfAccounts.request.safeParse({ openKfIds: ['wkA', 'wkA'] }).success).toBe(false);
  });
});
