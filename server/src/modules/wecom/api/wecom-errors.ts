// WeCom errcodes as typed errors. The ones a merchant must fix in their WeCom admin console carry a plain-Chinese
// explanation and the fix, shown in the configuration check and in alerts.

export interface ErrcodeExplanation {
  message: string;
  fix: string;
  /** the merchant (not us, not a retry) has to change something */
  merchantMustFix: boolean;
  /** a later retry may succeed without anyone changing anything */
  retryable: boolean;
}

const fixable = (message: string, fix: string): ErrcodeExplanation => ({
  message,
  fix,
  merchantMustFix: true,
  retryable: false,
});
const transient = (message: string): ErrcodeExplanation => ({
  message,
  fix: '稍后会自动重试，无需处理',
  merchantMustFix: false,
  retryable: true,
});
const ours = (message: string): ErrcodeExplanation => ({
  message,
  fix: '请联系小二客服',
  merchantMustFix: false,
  retryable: false,
});

export const ERRCODES: Record<number, ErrcodeExplanation> = {
  [-1]: transient('企业微信系统繁忙'),
  40001: fixable('应用 Secret 不正确', '到企业微信管理后台 → 应用管理 → 选择应用 → 查看 Secret，重新复制后填入小二'),
  40013: fixable('企业 ID（CorpID）不正确', '到企业微信管理后台 → 我的企业 → 企业信息，复制“企业ID”后填入小二'),
  40014: transient('access_token 已失效，正在重新获取'),
  42001: transient('access_token 已过期，正在重新获取'),
  40029: ours('登录码无效或已使用，请重新打开页面'),
  40056: fixable('应用 AgentId 不正确', '到企业微信管理后台 → 应用管理 → 选择应用，核对 AgentId'),
  40096: ours('客户 ID 不正确或不属于本企业'),
  41051: ours('欢迎语已发送过，或客户已开始聊天'),
  41096: ours('另一个应用正在给这位客户发送欢迎语'),
  45009: transient('调用企业微信接口太频繁，已暂停 1 分钟'),
  45033: transient('企业微信接口并发过高'),
  48002: fixable(
    '应用没有调用这个接口的权限',
    '到企业微信管理后台 → 客户与上下游 → 客户联系 → API，把小二的应用加入“可调用接口的应用”；微信客服需在“微信客服 → 可调用接口的应用”中添加',
  ),
  50001: fixable(
    '网页授权的回调域名不可信',
    '到企业微信管理后台 → 应用管理 → 选择应用 → 网页授权及JS-SDK，设置可信域名为小二提供的域名',
  ),
  60011: fixable(
    '应用的可见范围不包含这名成员',
    '到企业微信管理后台 → 应用管理 → 选择应用 → 可见范围，加入需要使用小二的员工',
  ),
  60020: fixable(
    '服务器 IP 不在企业可信 IP 列表中',
    '到企业微信管理后台 → 应用管理 → 选择应用 → 企业可信IP，添加小二服务器的出口 IP',
  ),
  60111: fixable('成员 userid 不存在', '确认员工仍在企业通讯录中，并已被加入应用可见范围'),
  84061: ours('这名员工和客户之间没有好友关系'),
  // 95000 also answers an account of the corp that the app was not given to manage
  95000: fixable(
    '这个微信客服账号不存在，或没有授权给小二的应用管理',
    '到企业微信管理后台 → 微信客服 → API → 可调用接口的应用 → 小二，在“可管理的客服账号”里勾选这个账号',
  ),
  95001: ours('已达到这条客户消息后的 5 条回复上限'),
  95004: fixable(
    '这个微信客服账号已不存在',
    '到小二的“我的 → 开通进度 → 连接企业微信”，在“选择微信客服账号”里重新勾选小二接待的客服账号',
  ),
  95016: ours('会话已超过 48 小时或已结束，无法再主动回复'),
  95017: fixable(
    '微信客服的 API 开关没有打开',
    '到企业微信管理后台 → 微信客服 → API，把小二的应用加入“可调用接口的应用”',
  ),
  95018: fixable(
    '会话已被接待人员接入，机器人不能再回复',
    '到企业微信管理后台 → 微信客服 → 接待方式，关闭由人工优先接待，或在小二中把该客服账号交给人工处理',
  ),
  301002: fixable(
    'AgentId 和 Secret 不属于同一个应用',
    '到企业微信管理后台 → 应用管理 → 小二，把同一个应用的 AgentId 和 Secret 一起填入小二',
  ),
};

export class WecomApiError extends Error {
  readonly explanation?: ErrcodeExplanation;

  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeCom ${path} failed: ${errcode} ${errmsg}`);
    this.explanation = ERRCODES[errcode];
  }

  get retryable(): boolean {
    return this.explanation?.retryable ?? false;
  }
}

/** The request itself failed (timeout, connection refused, not JSON): always worth a later retry. */
export class WecomTransportError extends Error {
  readonly retryable = true;
}

/** What a check says instead of the catalogue for some errcodes (the same code means more in its context). */
export type ErrcodeOverrides = Partial<Record<number, { message: string; fix: string }>>;

/**
 * Any failure of a WeCom call in the merchant's words: the explanation for its errcode (the caller's, else the
 * catalogue's) with the code itself, else the bare errcode, else that WeCom could not be reached.
 */
export function explainWecomFailure(err: unknown, overrides: ErrcodeOverrides = {}): { message: string; fix: string } {
  if (err instanceof WecomApiError) {
    const known = overrides[err.errcode] ?? err.explanation;
    if (known) return { message: `${known.message}（错误码 ${err.errcode}）`, fix: known.fix };
    return { message: `企业微信返回错误码 ${err.errcode}：${err.errmsg}`, fix: '请把错误码发给小二客服' };
  }
  return {
    message: `无法连接企业微信：${(err as Error).message}`,
    fix: '请检查服务器能否访问 qyapi.weixin.qq.com',
  };
}
