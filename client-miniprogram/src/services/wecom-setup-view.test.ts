// The WeCom setup page's decisions: what to paste where, when to stop polling, checks grouped by step, the 微信客服
// choices, and the form as the server takes it (checked with the server's own schema).
import { wecomAppCredentialsSchema, type WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import { describe, expect, it } from 'vitest';
import { checkForm } from './form-check';
import {
  agencyState,
  appInput,
  callbackState,
  initialWay,
  CALLBACK_VERIFIED,
  checksSummary,
  groupChecks,
  kfChoices,
  pasteItems,
  toggleKf,
} from './wecom-setup-view';

const setup = (over: Partial<WecomSetupDto> = {}): WecomSetupDto => ({
  app: {
    mode: 'self_built',
    corpId: 'ww0123456789abcdef',
    corpName: null,
    agentId: 1000002,
    secretHint: '••••••k3Zq',
    callbackToken: 'T'.repeat(32),
    encodingAesKey: 'K'.repeat(43),
    disabledAt: null,
    updatedAt: '2026-11-30T08:00:00.000Z',
  },
  paste: {
    callbackUrl: 'https://xiaoer.example/wecom/callback/ww0123456789abcdef',
    trustedDomain: 'xiaoer.example',
    egressIps: ['203.0.113.7', '203.0.113.8'],
  },
  callback: { verifiedAt: null, lastEventAt: null },
  kfAccounts: [],
  agency: { available: true, pendingUntil: null, failure: null },
  steps: [],
  ...over,
});

describe('what to paste where', () => {
  it('is nothing before the app is saved', () => {
    expect(pasteItems(setup({ app: null }))).toEqual([]);
  });

  it('lists the callback settings, the egress IPs and the trusted domain with where each goes', () => {
    const items = pasteItems(setup());
    expect(items.map((i) => [i.label, i.value])).toEqual([
      ['URL', 'https://xiaoer.example/wecom/callback/ww0123456789abcdef'],
      ['Token', 'T'.repeat(32)],
      ['EncodingAESKey', 'K'.repeat(43)],
      ['企业可信IP', '203.0.113.7;203.0.113.8'],
      ['可信域名', 'xiaoer.example'],
    ]);
    expect(items[0]!.where).toContain('接收消息');
  });

  it('says the note instead of an address when the egress IPs are unknown', () => {
    const s = setup();
    const ip = pasteItems({ ...s, paste: { ...s.paste, egressIps: [], egressIpsNote: '出口IP未配置' } }).find(
      (i) => i.key === 'egressIps',
    );
    expect(ip).toMatchObject({ value: null, note: '出口IP未配置' });
  });
});

describe("WeCom's verification of the callback URL", () => {
  it('is polled for while it has not arrived, and not before the app is saved or after it arrived', () => {
    expect(callbackState(setup({ app: null })).poll).toBe(false);
    expect(callbackState(setup())).toMatchObject({ verified: false, poll: true });
    expect(callbackState(setup({ callback: { verifiedAt: '2026-11-30T08:01:00.000Z', lastEventAt: null } }))).toEqual({
      verified: true,
      text: CALLBACK_VERIFIED,
      poll: false,
    });
  });
});

describe('the checks', () => {
  const check = (key: string, step: 'credentials' | 'callback' | 'kf', status: 'ok' | 'failed' | 'waiting') => ({
    key,
    step,
    title: key,
    status,
    message: `${key} ${status}`,
  });

  it('are grouped in the order of the setup steps, each group as bad as its worst check', () => {
    const groups = groupChecks([
      check('kf_api', 'kf', 'waiting'),
      check('secret', 'credentials', 'ok'),
      check('callback_reachable', 'callback', 'ok'),
      check('callback_verified', 'callback', 'failed'),
      check('agent', 'credentials', 'ok'),
    ]);
    expect(groups.map((g) => [g.title, g.status, g.checks.map((c) => c.key)])).toEqual([
      ['应用信息', 'ok', ['secret', 'agent']],
      ['接收消息', 'failed', ['callback_reachable', 'callback_verified']],
      ['微信客服', 'waiting', ['kf_api']],
    ]);
  });

  it('sum up in one line', () => {
    expect(checksSummary([check('secret', 'credentials', 'ok')])).toBe('全部通过，企业微信已接好');
    expect(checksSummary([check('a', 'kf', 'failed'), check('b', 'kf', 'waiting'), check('c', 'kf', 'waiting')])).toBe(
      '1 项没通过，2 项待完成',
    );
  });
});

describe('the 微信客服 accounts', () => {
  const choices = kfChoices([
    { openKfId: 'wk1', name: '门店客服', authorised: true, served: false },
    { openKfId: 'wk2', name: '外卖客服', authorised: false, served: false },
  ]);

  it('can be chosen only where the app may manage them, the others saying why', () => {
    expect(choices[0]).toMatchObject({ disabled: false, reason: undefined });
    expect(choices[1]).toMatchObject({ disabled: true, reason: expect.stringContaining('可管理的客服账号') });
  });

  it('toggle on a tap, never taking an account the app cannot manage', () => {
    expect(toggleKf([], choices[0]!)).toEqual(['wk1']);
    expect(toggleKf(['wk1'], choices[0]!)).toEqual([]);
    expect(toggleKf([], choices[1]!)).toEqual([]);
  });
});

describe('the app form', () => {
  it('sends the AgentId as a number and leaves an empty Secret out (the saved one is kept)', () => {
    expect(appInput({ corpId: 'ww0123456789abcdef', agentId: ' 1000002 ', secret: '  ' })).toEqual({
      corpId: 'ww0123456789abcdef',
      agentId: 1000002,
    });
  });

  it("is refused field by field with the server's own messages", () => {
    const checked = checkForm(wecomAppCredentialsSchema, appInput({ corpId: 'x', agentId: 'abc', secret: 'a b' }));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['agentId', 'corpId', 'secret']);
    expect(checked.errors.corpId).toContain('企业ID');
    const empty = checkForm(wecomAppCredentialsSchema, appInput({ corpId: '', agentId: '', secret: '' }));
    expect(!empty.ok && empty.errors.agentId).toContain('AgentId');
  });
});

describe('way 2: scan to authorise', () => {
  const agencyApp = (disabledAt: string | null = null) => ({
    ...setup().app!,
    mode: 'agency' as const,
    corpName: '茶语时光',
    callbackToken: undefined,
    encodingAesKey: undefined,
    disabledAt,
  });

  it('opens on the saved way, else on way 2 where it is offered', () => {
    expect(initialWay(setup())).toBe('self_built');
    expect(initialWay(setup({ app: null }))).toBe('agency');
    expect(initialWay(setup({ app: null, agency: { available: false, pendingUntil: null, failure: null } }))).toBe(
      'self_built',
    );
    expect(initialWay(setup({ app: agencyApp() }))).toBe('agency');
  });

  it('has nothing to paste, and no callback to wait for', () => {
    expect(pasteItems(setup({ app: agencyApp() }))).toEqual([]);
    expect(callbackState(setup({ app: agencyApp() }))).toMatchObject({ verified: true, poll: false });
  });

  it('waits for the scan while a link is out, then shows the corp; says when the admin cancelled', () => {
    const pending = { available: true, pendingUntil: '2026-11-30T08:20:00.000Z', failure: null };
    expect(agencyState(setup({ app: null, agency: pending }))).toMatchObject({ waiting: true, connected: false });
    expect(agencyState(setup({ app: agencyApp() }))).toMatchObject({
      connected: true,
      waiting: false,
      text: '已授权：茶语时光（ww0123456789abcdef）',
    });
    const cancelled = agencyState(setup({ app: agencyApp('2026-11-30T09:00:00.000Z') }));
    expect(cancelled).toMatchObject({ connected: false, waiting: false });
    expect(cancelled.problem).toContain('取消授权');
    const failed = { available: true, pendingUntil: null, failure: '这个企业微信已经接入了另一个小二商户' };
    expect(agencyState(setup({ app: null, agency: failed })).problem).toContain('另一个小二商户');
  });
});
