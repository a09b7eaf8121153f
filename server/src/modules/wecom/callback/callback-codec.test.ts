import { describe, expect, it } from 'vitest';
import { coalesces, dedupeKey, eventKind, extractEncrypt } from './callback-codec.js';
import { orderingKey, parseXml, priorityOf } from './callback-codec.js';

describe('parseXml', () => {
  it('reads CDATA and plain values as strings, keeping leading zeros', () => {
    expect(parseXml('<xml><ToUserName><![CDATA[ww1]]></ToUserName><AgentID>0012</AgentID></xml>')).toEqual({
      ToUserName: 'ww1',
      AgentID: '0012',
    });
  });

  it('drops element names that could not be stored safely as keys', () => {
    const fields = parseXml('<xml><Event>a</Event><_x>1</_x><Msg\u0001Type>2</Msg\u0001Type></xml>');
    expect(fields).toEqual({ Event: 'a' });
  });

  it('refuses what is not a WeCom XML document', () => {
    expect(() => parseXml('{"a":1}')).toThrow();
    expect(() => parseXml('<other>1</other>')).toThrow(/缺少 xml 根节点/);
  });
});

describe('event identity', () => {
  const add = {
    MsgType: 'event',
    Event: 'change_external_contact',
    ChangeType: 'add_external_contact',
    UserID: 'u1',
    ExternalUserID: 'wm1',
    CreateTime: '100',
  };

  it('prefers MsgId and otherwise hashes the identifying fields', () => {
    expect(dedupeKey({ MsgId: '123', ...add })).toBe('msg:123');
    expect(dedupeKey(add)).toBe(dedupeKey({ ...add }));
    expect(dedupeKey(add)).not.toBe(dedupeKey({ ...add, CreateTime: '101' }));
    expect(dedupeKey(add)).not.toBe(dedupeKey({ ...add, ChangeType: 'edit_external_contact' }));
  });

  it('names the kind, orders per customer and puts new contacts first', () => {
    expect(eventKind(add)).toBe('change_external_contact/add_external_contact');
    expect(orderingKey('ww1', add)).toBe('customer:ww1:wm1');
    expect(orderingKey('ww1', { MsgType: 'event', Event: 'kf_msg_or_event', OpenKfId: 'wk1', Token: 't1' })).toBe(
      'kf-sync:wk1',
    );
    expect(coalesces({ MsgType: 'event', Event: 'kf_msg_or_event', OpenKfId: 'wk1', Token: 't1' })).toBe(true);
    expect(coalesces(add)).toBe(false);
    expect(priorityOf(add)).toBeLessThan(priorityOf({ Event: 'kf_msg_or_event' }));
  });
});

describe('extractEncrypt', () => {
  it('reads the ciphertext with or without CDATA and refuses anything else', () => {
    expect(
      extractEncrypt('<xml><ToUserName><![CDATA[ww]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt></xml>'),
    ).toBe('abc+/=');
    expect(extractEncrypt('<xml><Encrypt>QUJD</Encrypt></xml>')).toBe('QUJD');
    expect(() => extractEncrypt('<xml><Encrypt><![CDATA[not base64!]]></Encrypt></xml>')).toThrow(/缺少 Encrypt/);
    expect(() => extractEncrypt('garbage')).toThrow();
  });
});
