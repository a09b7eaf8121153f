// What leaves the server about the setup: never the Secret (its last four characters only); the callback Token and
// EncodingAESKey, which only the owner's routes present, because the owner pastes them into WeCom.
import type { WecomKfAccountsDto, WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import type { KfAccountChoice, SetupView } from './wecom-setup.service.js';
import { NO_APP_MESSAGE } from './setup-texts.js';

type Step = WecomSetupDto['steps'][number];

function steps({ app, lastEventAt }: SetupView): Step[] {
  const verifiedAt = app?.callbackVerifiedAt ?? null;
  const heardAt = verifiedAt ?? lastEventAt;
  return [
    {
      key: 'credentials',
      title: '企业ID、AgentId 和 Secret',
      done: app !== null,
      message: app ? `已保存：企业 ${app.corpId}，应用 ${app.agentId}` : NO_APP_MESSAGE,
      ...(app && { at: app.updatedAt.toISOString() }),
    },
    {
      key: 'callback',
      title: '接收消息（回调地址）',
      done: heardAt !== null,
      message: verifiedAt
        ? '企业微信已验证回调地址'
        : lastEventAt
          ? '企业微信已经在向回调地址推送消息'
          : app
            ? '等待企业微信验证回调地址：在企业微信后台填入 URL、Token 和 EncodingAESKey 后点保存'
            : NO_APP_MESSAGE,
      ...(heardAt && { at: heardAt.toISOString() }),
    },
    {
      key: 'kf',
      title: '小二接待的微信客服账号',
      done: (app?.kfAccounts.length ?? 0) > 0,
      message: app?.kfAccounts.length
        ? `小二接待：${app.kfAccounts.map((k) => k.name).join('、')}`
        : '还没有选择由小二接待的客服账号',
    },
  ];
}

export const presentSetup = (view: SetupView): WecomSetupDto => ({
  app: view.app && {
    corpId: view.app.corpId,
    agentId: view.app.agentId,
    secretHint: view.app.secretHint,
    callbackToken: view.app.callbackToken,
    encodingAesKey: view.app.encodingAesKey,
    updatedAt: view.app.updatedAt.toISOString(),
  },
  paste: view.paste,
  callback: {
    verifiedAt: view.app?.callbackVerifiedAt?.toISOString() ?? null,
    lastEventAt: view.lastEventAt?.toISOString() ?? null,
  },
  kfAccounts: (view.app?.kfAccounts ?? []).map((k) => ({ openKfId: k.openKfId, name: k.name })),
  steps: steps(view),
});

export const presentKfAccounts = (result: {
  accounts: KfAccountChoice[];
  problem?: { message: string; fix: string };
}): WecomKfAccountsDto => ({
  accounts: result.accounts.map((a) => ({
    openKfId: a.openKfId,
    name: a.name,
    authorised: a.managePrivilege,
    served: a.served,
  })),
  ...(result.problem && { problem: result.problem }),
});
