// The stable error codes every API response may carry as `{error: code, message}`. Programs branch on the code;
// people read the message, which is Chinese and tells them what to do.
export const ERROR_MESSAGES = {
  bad_request: '请求有误，请检查后重试',
  validation_failed: '填写的内容有误，请检查后重试',
  invalid_json: '请求内容不是有效的 JSON',
  payload_too_large: '提交的内容太大了，请精简后重试',
  unauthenticated: '登录已过期，请重新进入',
  forbidden: '你没有权限进行这个操作，请联系老板或店长',
  not_found: '没有找到相关内容，可能已被删除',
  conflict: '内容已存在或已被他人修改，请刷新后重试',
  gone: '这个链接已失效，请联系发给你的人重新发送',
  rate_limited: '操作太频繁了，请稍后再试',
  request_timeout: '服务器处理超时，请稍后重试',
  service_unavailable: '服务暂时不可用，请稍后重试',
  demo_disabled: '体验登录未开启',
  internal_error: '系统开小差了，请稍后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  /** per-field problems for validation_failed: path → Chinese message */
  fields?: Record<string, string>;
}

/** What the clients throw for a failed API call: the server's (or the client's own) Chinese message, and its code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
