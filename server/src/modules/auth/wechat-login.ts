import type { Config } from '../../config/env.js';
import { AppError } from '../../errors/app-error.js';

/** WeChat's jscode2session: the mini-program's wx.login code → openid. The session_key never leaves the server. */
export async function openIdFromMiniProgramCode(config: Config, code: string): Promise<string> {
  const query = new URLSearchParams({
    appid: config.miniProgram.appId,
    secret: config.miniProgram.secret,
    js_code: code,
    grant_type: 'authorization_code',
  });
  let json: { openid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(`${config.wecom.wechatApiBase}/sns/jscode2session?${query}`, {
      signal: AbortSignal.timeout(config.wecom.timeoutMs),
    });
    json = (await res.json()) as typeof json;
  } catch {
    throw new AppError('service_unavailable', { message: '微信登录服务暂时不可用，请稍后重试' });
  }
  if (json.errcode === 40029 || json.errcode === 40163)
    throw new AppError('unauthenticated', { message: '登录码已失效，请重新打开小程序' });
  if (!json.openid)
    throw new AppError('service_unavailable', { message: '微信登录失败，请稍后重试', reportable: true });
  return json.openid;
}
