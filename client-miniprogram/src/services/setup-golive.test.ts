import type { GoLiveDto } from '@xiaoer/common/api/setup-golive';
import { describe, expect, it } from 'vitest';
import { launchConfirmText, shouldPoll, testText } from './setup-golive';
import { setupSteps, type SetupSources } from './setup-steps';

const base: GoLiveDto = {
  status: 'setup',
  autoReplyMode: 'after_hours',
  kfAccounts: [{ openKfId: 'wk1', name: '茶语时光客服' }],
  standIn: false,
  testUntil: null,
  conversation: null,
  scenarios: [],
};
const AT = '2026-11-30T10:00:00.000Z';

describe('the test-and-go-live step', () => {
  it('waits for the first message while the test window is open', () => {
    const waiting = { ...base, testUntil: AT };
    expect(shouldPoll(waiting)).toBe(true);
    expect(testText(waiting)).toContain('等你的消息');
    expect(shouldPoll(base)).toBe(false);
    // the stand-in's message on its way: the conversation is there before its first message
    const begun = { ...base, conversation: { externalUserId: 'wm1', messages: [] } };
    expect(shouldPoll(begun)).toBe(true);
    expect(testText(begun)).toBe('消息已发出，等小二收到…');
  });

  it('keeps polling until the bot has answered the question', () => {
    const asked = {
      ...base,
      conversation: { externalUserId: 'wm1', messages: [{ direction: 'in' as const, text: '几点关门', at: AT }] },
    };
    expect(shouldPoll(asked)).toBe(true);
    expect(testText(asked)).toBe('收到消息了，小二正在回答…');
    const answered = {
      ...asked,
      conversation: {
        externalUserId: 'wm1',
        messages: [
          ...asked.conversation.messages,
          { direction: 'out' as const, text: '晚上十点', at: AT, status: 'sent' },
        ],
      },
    };
    expect(shouldPoll(answered)).toBe(false);
    expect(testText(answered)).toContain('已经回答');
  });

  it('names the mode in the confirmation', () => {
    expect(launchConfirmText('after_hours')).toContain('非营业时间自动回答');
  });
});

describe('the checklist', () => {
  const sources: SetupSources = { merchant: undefined, wecom: [], staff: [], knowledge: undefined, customers: false };
  const step = (s: SetupSources, key: string) => setupSteps(s).find((x) => x.key === key)!;

  it('opens both pages, and shows the last step done once the shop went live', () => {
    expect(step(sources, 'customers').url).toBe('/pages/setup/customers');
    expect(step(sources, 'golive')).toMatchObject({ url: '/pages/setup/golive', state: 'later' });
    expect(step({ ...sources, golive: { live: true } }, 'golive').state).toBe('done');
    expect(step({ ...sources, golive: undefined }, 'golive').state).toBe('later');
  });
});
