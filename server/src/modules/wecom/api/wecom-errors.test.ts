import { describe, expect, it } from 'vitest';
import { explainWecomFailure, WecomApiError } from './wecom-errors.js';

describe('WeCom errcodes in the owner’s words', () => {
  it('sends the owner to the console page where 微信客服 accounts are chosen when one is gone (95004)', () => {
    const { message, fix } = explainWecomFailure(new WecomApiError(95004, 'invalid open_kfid', '/cgi-bin/kf/send_msg'));
    expect(message).toBe('这个微信客服账号已不存在（错误码 95004）');
    expect(fix).toContain('我的 → 开通进度 → 连接企业微信');
    expect(fix).toContain('选择微信客服账号');
    expect(fix).not.toContain('设置 → 企业微信');
  });

  it('names an errcode it does not know by its number', () => {
    expect(explainWecomFailure(new WecomApiError(99999, 'odd', '/x')).message).toBe('企业微信返回错误码 99999：odd');
  });
});
