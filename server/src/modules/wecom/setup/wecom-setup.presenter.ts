// What leaves the server about the setup: never the Secret (its last four characters only); the callback Token and
// EncodingAESKey, which only the owner's routes present, because the owner pastes them into WeCom.
import type { WecomKfAccountsDto, WecomSetupDto } from '@xiaoer/common/schemas/wecom-setup';
import type { KfAccountChoice, SetupView } from './wecom-setup.service.js';
import { NO_APP_MESSAGE } from './setup-texts.js';

type Step = WecomSetupDto['steps'][number];

/** Way 2: the admin authorised the operator's template; WeCom knows the callback URL from the template itself. */
function agencySteps(app: NonNullable<SetupView['app']>): Step[] {
  const corp = app.corpName ? `「${app.corpName}」（${app.corpId}）` : app.corpId;
  return [
    {
      key: 'credentials',
      title: '扫码授权小二',
      done: !app.disabledAt,
      message: app.disabledAt
        ? `企业微信管理员已取消授权，小二暂停了本店的企业微信消息。请管理员重新扫码授权`
        : `已授权：企业 ${corp}，应用 ${app.agentId}`,
      at: (app.disabledAt ?? app.updatedAt).toISOString(),
    },
    {
      key: 'callback',
      title: '接收消息（回调地址）',
      done: !app.disabledAt,
      message: app.disabledAt ? '授权取消后不再接收企业微信的消息' : '扫码授权的应用由小二服务商统一接收消息，无需填写',
    },
  ];
}

function steps({ app, lastEventAt }: SetupView): Step[] {
  const verifiedAt = app?.callbackVerifiedAt ?? null;
  const heardAt = verifiedAt ?? lastEventAt;
  return [
    ...(app?.mode === 'agency'
      ? agencySteps(app)
      : [
          {
            key: 'credentials' as const,
            title: '企业ID、AgentId 和 Secret',
            done: app !== null,
            message: app ? `已保存：企业 ${app.corpId}，应用 ${app.agentId}` : NO_APP_MESSAGE,
            ...(app && { at: app.updatedAt.toISOString() }),
          },
          {
            key: 'callback' as const,
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
        ]),
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
    mode: view.app.mode,
    corpId: view.app.corpId,
    corpName: view.app.corpName,
    agentId: view.app.agentId,
    secretHint: view.app.secretHint,
    // way 1 only: way 2's callback keys are the operator's template keys, never an owner's to see
    ...(view.app.mode === 'self_built' && {
      callbackToken: view.app.callbackToken,
      encodingAesKey: view.app.encodingAesKey,
    }),
    disabledAt: view.app.disabledAt?.toISOString() ?? null,
    updatedAt: view.app.updatedAt.toISOString(),
  },
  paste: view.paste,
  callback: {
    verifiedAt: view.app?.callbackVerifiedAt?.toISOString() ?? null,
    lastEventAt: view.lastEventAt?.toISOString() ?? null,
  },
  kfAccounts: (view.app?.kfAccounts ?? []).map((k) => ({ openKfId: k.openKfId, name: k.name })),
  agency: {
    available: view.agency.available,
    pendingUntil: view.agency.pendingUntil?.toISOString() ?? null,
    failure: view.agency.failure,
  },
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
