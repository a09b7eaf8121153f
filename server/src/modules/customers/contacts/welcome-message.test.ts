import { describe, expect, it } from 'vitest';
import { channelFromState, renderWelcome } from './welcome-message.js';

describe('renderWelcome', () => {
  const templates = [
    { channel: 'table_card', text: '{客户称呼}，扫桌码加我有惊喜：今天第二杯半价！' },
    { channel: 'default', text: '欢迎{客户称呼}来到{店名}' },
  ];

  it("uses the channel's template, then the merchant default, then ours", () => {
    expect(renderWelcome(templates, 'table_card', { customerName: '王小姐', shopName: '茶语时光' })).toBe(
      '王小姐，扫桌码加我有惊喜：今天第二杯半价！',
    );
    expect(renderWelcome(templates, 'flyer', { customerName: '王小姐', shopName: '茶语时光' })).toBe(
      '欢迎王小姐来到茶语时光',
    );
    expect(renderWelcome([], 'flyer', { customerName: '小李', shopName: '茶语时光' })).toMatch(
      /^小李您好，欢迎来到茶语时光/,
    );
  });
});

describe('channelFromState', () => {
  it('reads our states and calls the rest other', () => {
    expect(channelFromState('table_card:12')).toBe('table_card');
    expect(channelFromState('receipt')).toBe('receipt');
    expect(channelFromState('somebody-else')).toBe('other');
    expect(channelFromState(undefined)).toBe('other');
  });
});
