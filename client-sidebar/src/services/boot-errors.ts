// Every way the sidebar's start can fail, said in plain Chinese with what to do about it (most fixes are the WeCom
// admin's, in the WeCom admin console).

export class BootError extends Error {
  constructor(
    readonly title: string,
    readonly fix: string,
    /** a retry can help (network), or only the admin can (configuration) */
    readonly retryable = false,
  ) {
    super(title);
  }
}

/** The errMsg keyword of a failed JS-SDK call, e.g. "config:fail_invalid url domain" → "invalid url domain". */
export function jsapiKeyword(err: unknown): string {
  const msg = String(
    (err as { errMsg?: string; err_msg?: string })?.errMsg ??
      (err as { err_msg?: string })?.err_msg ??
      (err as Error)?.message ??
      '',
  );
  return msg
    .slice(msg.indexOf(':') + 1)
    .replace(/^fail(ed)?_?/, '')
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase();
}

/** A failed ww.register / agentConfig / context call, as what the admin must set. */
export function jsapiBootError(
  step: 'config' | 'agentConfig' | 'context' | 'contact' | 'chat',
  err: unknown,
): BootError {
  const keyword = jsapiKeyword(err);
  const host = location.host;
  if (keyword.includes('url domain') || keyword.includes('invalid url')) {
    return new BootError(
      '页面域名还不是可信域名',
      `请管理员在企业微信管理后台 → 应用管理 → 小二 → 网页授权及JS-SDK，把「${host}」设为可信域名。`,
    );
  }
  if (keyword.includes('signature')) {
    return new BootError(
      '企业微信校验签名失败',
      '请管理员核对小二后台填写的企业ID、应用 AgentId 和 Secret 与企业微信后台一致，然后重新打开侧边栏。',
    );
  }
  if (keyword.includes('permission') || keyword.includes('access denied')) {
    return step === 'contact' || step === 'chat'
      ? new BootError(
          '没有读取客户的权限',
          '请管理员在企业微信管理后台 → 客户与上下游 → 客户联系 → 权限配置，把小二加入「可调用接口的应用」，并确认你在小二应用的可见范围内。',
        )
      : new BootError(
          '小二应用没有这项权限',
          '请管理员确认小二应用的可见范围包含你，并在应用管理里开启「企业微信授权登录」与「JS-SDK」。',
        );
  }
  if (step === 'context' || step === 'contact' || step === 'chat') {
    return new BootError(
      '请从客户聊天里打开小二',
      '在和客户（或客户群）的聊天窗口，点右上角工具栏里的「小二」即可看到客户资料。',
      true,
    );
  }
  return new BootError('企业微信接口暂时不可用', `请稍后重试（${keyword || '未知错误'}）。`, true);
}

export const notInWecom = () =>
  new BootError(
    '请在企业微信里打开',
    '小二侧边栏需要在企业微信的客户聊天工具栏中打开。管理员可在应用管理 → 小二 → 配置到聊天工具栏 添加。',
  );
export const missingCorp = () =>
  new BootError(
    '侧边栏链接不完整',
    '链接里缺少企业ID（corp=…）。请管理员复制小二后台给出的侧边栏链接，重新配置到聊天工具栏。',
  );
