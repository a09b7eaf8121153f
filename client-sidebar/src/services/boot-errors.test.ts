import { describe, expect, it } from 'vitest';
import { jsapiBootError, jsapiKeyword } from './boot-errors';

describe('jsapiKeyword', () => {
  it('reads the keyword of WeCom errMsg in its spellings', () => {
    expect(jsapiKeyword({ errMsg: 'config:fail_invalid url domain' })).toBe('invalid url domain');
    expect(jsapiKeyword({ err_msg: 'agentConfig:invalid signature' })).toBe('invalid signature');
    expect(jsapiKeyword({ errMsg: 'getCurExternalContact:no permission' })).toBe('no permission');
    expect(jsapiKeyword(new Error('boom'))).toBe('boom');
  });
});

describe('jsapiBootError', () => {
  it('names the admin’s fix for each failure', () => {
    expect(jsapiBootError('config', { errMsg: 'config:fail_invalid url domain' }).fix).toContain('可信域名');
    expect(jsapiBootError('agentConfig', { errMsg: 'agentConfig:fail_invalid signature' }).title).toBe(
      '企业微信校验签名失败',
    );
    expect(jsapiBootError('contact', { errMsg: 'getCurExternalContact:no permission' }).fix).toContain(
      '可调用接口的应用',
    );
    const elsewhere = jsapiBootError('context', { errMsg: 'getCurExternalContact:fail_no external contact' });
    expect(elsewhere.title).toBe('请从客户聊天里打开小二');
    expect(elsewhere.retryable).toBe(true);
  });
});
