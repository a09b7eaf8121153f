// What the WeCom setup page shows, decided apart from the page so it can be unit-tested: way 1 (the self-built app)
// or way 2 (服务商代开发, the admin scans), what to paste where, whether to keep polling for WeCom's verification or
// the admin's scan, the live checks grouped by the admin console's steps, and the 微信客服 accounts to choose.
import type {
  SetupCheckStatus,
  WecomKfAccountDto,
  WecomSetupCheckDto,
  WecomSetupDto,
  WecomSetupStep,
} from '@xiaoer/common/schemas/wecom-setup';

/** One thing the owner copies into the WeCom admin console, and where it goes. */
export interface PasteItem {
  key: 'callbackUrl' | 'token' | 'encodingAesKey' | 'egressIps' | 'trustedDomain';
  label: string;
  where: string;
  /** null: nothing to copy (the note says why) */
  value: string | null;
  note?: string;
}

const APP_PATH = '应用管理 → 小二';

/** What to paste where, once the app is saved (before that there are no keys and no callback URL). */
export function pasteItems(setup: WecomSetupDto): PasteItem[] {
  const { app, paste } = setup;
  // way 2: the template carries the callback, 可信IP and domain; the admin pastes nothing
  if (!app?.callbackToken || !app.encodingAesKey) return [];
  const callback = `${APP_PATH} → 接收消息 → 设置API接收`;
  return [
    { key: 'callbackUrl', label: 'URL', where: callback, value: paste.callbackUrl },
    { key: 'token', label: 'Token', where: callback, value: app.callbackToken },
    { key: 'encodingAesKey', label: 'EncodingAESKey', where: callback, value: app.encodingAesKey },
    paste.egressIps.length
      ? { key: 'egressIps', label: '企业可信IP', where: `${APP_PATH} → 企业可信IP`, value: paste.egressIps.join(';') }
      : {
          key: 'egressIps',
          label: '企业可信IP',
          where: `${APP_PATH} → 企业可信IP`,
          value: null,
          note: paste.egressIpsNote ?? '服务器的出口IP还没配置，请联系小二的服务商获取',
        },
    {
      key: 'trustedDomain',
      label: '可信域名',
      where: `${APP_PATH} → 网页授权及JS-SDK → 可信域名`,
      value: paste.trustedDomain,
    },
  ];
}

export const CALLBACK_VERIFIED = '企业微信已验证回调地址';

/** Where WeCom's verification of the callback URL stands, and whether the page should keep asking. */
export function callbackState(setup: WecomSetupDto): { verified: boolean; text: string; poll: boolean } {
  if (!setup.app) return { verified: false, text: '先保存应用信息', poll: false };
  if (setup.app.mode === 'agency')
    return { verified: !setup.app.disabledAt, text: '扫码授权的应用由小二服务商统一接收消息', poll: false };
  if (setup.callback.verifiedAt) return { verified: true, text: CALLBACK_VERIFIED, poll: false };
  return {
    verified: false,
    text: '等待企业微信验证回调地址：在 接收消息 里填好 URL、Token、EncodingAESKey 后点“保存”',
    poll: true,
  };
}

export const STEP_TITLES: Record<WecomSetupStep, string> = {
  credentials: '应用信息',
  callback: '接收消息',
  trusted_ip: '企业可信IP',
  customer_contact: '客户联系',
  jssdk_domain: '可信域名',
  kf: '微信客服',
};

export const STATUS_LABELS: Record<SetupCheckStatus, string> = {
  ok: '通过',
  failed: '没通过',
  waiting: '待完成',
  skipped: '暂不检查',
};

export interface CheckGroup {
  step: WecomSetupStep;
  title: string;
  /** the group's worst status: failed over waiting over skipped over ok */
  status: SetupCheckStatus;
  checks: WecomSetupCheckDto[];
}

const SEVERITY: Record<SetupCheckStatus, number> = { ok: 0, skipped: 1, waiting: 2, failed: 3 };

/** The checks in the order of the setup's steps, one group per step that has any. */
export function groupChecks(checks: WecomSetupCheckDto[]): CheckGroup[] {
  return (Object.keys(STEP_TITLES) as WecomSetupStep[]).flatMap((step) => {
    const of = checks.filter((c) => c.step === step);
    if (!of.length) return [];
    const status = of.reduce<SetupCheckStatus>((w, c) => (SEVERITY[c.status] > SEVERITY[w] ? c.status : w), 'ok');
    return [{ step, title: STEP_TITLES[step], status, checks: of }];
  });
}

/** A one-line verdict over every check. */
export function checksSummary(checks: WecomSetupCheckDto[]): string {
  const failed = checks.filter((c) => c.status === 'failed').length;
  const waiting = checks.filter((c) => c.status === 'waiting').length;
  if (!failed && !waiting) return '全部通过，企业微信已接好';
  return [failed && `${failed} 项没通过`, waiting && `${waiting} 项待完成`].filter(Boolean).join('，');
}

export const KF_NOT_AUTHORISED = '小二应用还不能管理这个账号：在 微信客服 → API → 可管理的客服账号 里勾选它';

/** A 微信客服 account as a choice: only those the app may manage can be chosen. */
export function kfChoices(accounts: WecomKfAccountDto[]) {
  return accounts.map((a) => ({
    openKfId: a.openKfId,
    name: a.name,
    disabled: !a.authorised,
    reason: a.authorised ? undefined : KF_NOT_AUTHORISED,
  }));
}

/** The chosen ids after a tap: added or taken out, never an account the app cannot manage. */
export function toggleKf(chosen: string[], account: { openKfId: string; disabled: boolean }): string[] {
  if (account.disabled) return chosen;
  return chosen.includes(account.openKfId)
    ? chosen.filter((id) => id !== account.openKfId)
    : [...chosen, account.openKfId];
}

/** The form as the server takes it: AgentId a number, an empty Secret left out (the saved one is kept). */
export function appInput(form: { corpId: string; agentId: string; secret: string }) {
  const agentId = form.agentId.trim();
  const secret = form.secret.trim();
  return {
    corpId: form.corpId,
    agentId: agentId === '' ? undefined : Number(agentId),
    ...(secret ? { secret } : {}),
  };
}

export type WecomWay = 'self_built' | 'agency';

/** The way the page opens on: the saved app's, else way 2 where the operator offers it (minutes, nothing to copy). */
export function initialWay(setup: WecomSetupDto): WecomWay {
  return setup.app?.mode ?? (setup.agency.available ? 'agency' : 'self_built');
}

/** Way 2's state: connected, cancelled by the admin, waiting for the scan (poll), or not started. */
export function agencyState(setup: WecomSetupDto): {
  connected: boolean;
  waiting: boolean;
  text: string;
  problem?: string;
} {
  const { app, agency } = setup;
  if (app?.mode === 'agency' && !app.disabledAt)
    return { connected: true, waiting: false, text: `已授权：${app.corpName ?? '企业'}（${app.corpId}）` };
  const cancelled = app?.mode === 'agency' ? '企业微信管理员已取消授权，请重新生成二维码，让管理员再扫一次' : undefined;
  if (agency.pendingUntil)
    return { connected: false, waiting: true, text: '等待企业微信管理员扫码授权…', problem: cancelled };
  return {
    connected: false,
    waiting: false,
    text: '生成授权二维码，用企业微信管理员的手机扫码，确认授权即可',
    problem: agency.failure ?? cancelled,
  };
}
