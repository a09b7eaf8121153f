import { describe, expect, it } from 'vitest';
import { invitingTopics } from './group-interaction.service.js';
import { parseInteraction } from './interaction-parser.js';

describe('interaction replies', () => {
  it('reads sign-up chains, guesses and bookings with their day and time', () => {
    expect(parseInteraction('接龙+杨枝甘露+2')).toEqual({ kind: 'chain', detail: '杨枝甘露+2' });
    expect(parseInteraction('猜 芒果味')).toEqual({ kind: 'guess', detail: '芒果味' });
    expect(parseInteraction('预约+周六下午3点')).toEqual({
      kind: 'booking',
      detail: '周六下午3点',
      day: '周六',
      time: '15:00',
    });
    expect(parseInteraction('预约＋11月28日 15:30 Tony')).toEqual({
      kind: 'booking',
      detail: '11月28日 15:30 Tony',
      day: '11月28日',
      time: '15:30',
    });
    expect(parseInteraction('预约 明天10点半')).toMatchObject({ day: '明天', time: '10:30' });
  });

  it('reads each industry’s formats: reserve with a size, group-buy, sign-up, check-in and vote', () => {
    expect(parseInteraction('预留+米白风衣+M')).toEqual({ kind: 'chain', detail: '米白风衣+M' });
    expect(parseInteraction('拼单+保温杯+2')).toEqual({ kind: 'chain', detail: '保温杯+2' });
    expect(parseInteraction('报名 乐乐')).toEqual({ kind: 'chain', detail: '乐乐' });
    expect(parseInteraction('打卡+乐乐')).toEqual({ kind: 'chain', detail: '乐乐' });
    expect(parseInteraction('投票+燕麦拿铁')).toEqual({ kind: 'guess', detail: '燕麦拿铁' });
    expect(parseInteraction('预留')).toBeNull();
  });

  it('leaves ordinary messages alone', () => {
    expect(parseInteraction('你们几点关门')).toBeNull();
    expect(parseInteraction('接龙')).toBeNull();
    expect(parseInteraction('我想预约')).toBeNull();
  });

  it('counts a reply against the posts that invite it in the shop’s industry', () => {
    // a clothing shop's new-item and members' pick posts ask for 「预留+商品+尺码」; a tea shop's new item asks for nothing
    expect(invitingTopics('零售', 'chain').sort()).toEqual(
      ['chain_signup', 'member_price', 'new_item', 'surplus_offer'].sort(),
    );
    expect(invitingTopics('餐饮', 'chain')).toEqual(['chain_signup']);
    expect(invitingTopics('本地服务', 'booking').sort()).toEqual(['booking_slots', 'member_price', 'new_item'].sort());
    expect(invitingTopics('餐饮', 'booking')).toEqual(['booking_slots']);
    expect(invitingTopics('教育培训', 'chain').sort()).toEqual(['chain_signup', 'new_item'].sort());
  });
});
