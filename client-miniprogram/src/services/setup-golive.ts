// What the test-and-go-live step says, from the server's state (GET /api/setup/golive): pure, the page polls it.
import type { GoLiveDto } from '@xiaoer/common/api/setup-golive';
import type { AutoReplyMode } from '@xiaoer/common/schemas/ai';

/** The modes the owner can open with (off is for later, in settings). */
export const LAUNCH_MODES: { mode: AutoReplyMode; label: string }[] = [
  { mode: 'after_hours', label: '非营业时间自动回答（推荐）' },
  { mode: 'always', label: '全天自动回答' },
];

export const MODE_TEXT: Record<AutoReplyMode, string> = {
  off: '不自动回答',
  after_hours: '非营业时间自动回答',
  always: '全天自动回答',
};

/** The page asks the server again while a test may be under way (a window open, or a question not yet answered). */
export function shouldPoll(g: GoLiveDto): boolean {
  if (g.testUntil) return true;
  if (!g.conversation) return false;
  // a test conversation just begun (the stand-in's message not in yet), or a question not yet answered
  const last = g.conversation.messages.at(-1);
  return !last || last.direction === 'in';
}

/** The line about the test conversation. */
export function testText(g: GoLiveDto): string {
  const messages = g.conversation?.messages ?? [];
  if (messages.some((m) => m.direction === 'out')) return '小二已经回答了，看看回答得对不对。';
  if (messages.length) return '收到消息了，小二正在回答…';
  if (g.conversation) return '消息已发出，等小二收到…';
  if (g.testUntil) return '等你的消息…（10 分钟内发出的第一条会显示在这里）';
  return '还没有测试消息。';
}

export const launchConfirmText = (mode: AutoReplyMode) =>
  `开始营业后，顾客给微信客服发消息，小二会按「${MODE_TEXT[mode]}」回答，店里的提醒和关怀场景也会开始运行。确定开始营业吗？`;
