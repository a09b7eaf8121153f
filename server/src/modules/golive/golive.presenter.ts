import type { GoLiveDto } from '@xiaoer/common/api/setup-golive';

type GoLiveMessage = NonNullable<GoLiveDto['conversation']>['messages'][number];
type KfAccount = GoLiveDto['kfAccounts'][number];

const presentKfAccount = (k: KfAccount): KfAccount => ({
  openKfId: k.openKfId,
  name: k.name,
  ...(k.url ? { url: k.url } : {}),
});

const presentMessage = (m: GoLiveMessage): GoLiveMessage => ({
  direction: m.direction,
  text: m.text,
  at: m.at,
  ...(m.status ? { status: m.status } : {}),
});

/** Where the shop stands for the owner's test-and-go-live page: the accounts to test on, the latest test's messages. */
export const presentGoLive = (g: GoLiveDto): GoLiveDto => ({
  status: g.status,
  ...(g.liveAt ? { liveAt: g.liveAt } : {}),
  ...(g.liveBy ? { liveBy: g.liveBy } : {}),
  autoReplyMode: g.autoReplyMode,
  kfAccounts: g.kfAccounts.map(presentKfAccount),
  standIn: g.standIn,
  testUntil: g.testUntil,
  conversation: g.conversation
    ? { externalUserId: g.conversation.externalUserId, messages: g.conversation.messages.map(presentMessage) }
    : null,
  scenarios: [...g.scenarios],
});
