// The pushes 美团, 抖音 and 快递100 send to a shop's system, in their own formats and signed their own way, for tests
// and the demo (this machine reaches none of the three). Each builder returns the exact request; `deliverPush` POSTs
// it. What each platform's public docs say, and what is assumed (美团's verification push), is in docs/INTAKE.md.
import { createHash } from 'node:crypto';

export interface PlatformRequest {
  headers: Record<string, string>;
  body: string;
}

const hex = (algorithm: 'sha1' | 'md5', text: string) => createHash(algorithm).update(text, 'utf8').digest('hex');

/** A moment as the Chinese platforms write it: Beijing time, "2026-11-30 12:01:00". */
export function beijing(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

// ---- 美团 团购验券 (the fields are assumed: 美团 does not publish this push) ----

export interface MeituanVerification {
  verifyId: string;
  receiptCode: string;
  dealTitle?: string;
  /** yuan, as 美团 writes prices */
  dealPrice?: number;
  verifyTime: Date;
  verifyAcctName?: string;
  opPoiId?: string;
}

/** 美团's signature: signKey + every parameter but sign and the empty ones, by name, as name1value1…; SHA-1. */
export function meituanSign(signKey: string, params: Record<string, string>): string {
  const base = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}${params[k]}`)
    .join('');
  return hex('sha1', `${signKey}${base}`);
}

export function meituanVerifyPush(
  signKey: string,
  v: MeituanVerification,
  opts: { developerId?: string; now?: Date } = {},
): PlatformRequest {
  const { verifyTime, ...rest } = v;
  const params: Record<string, string> = {
    developerId: opts.developerId ?? '100234',
    timestamp: String(Math.floor((opts.now ?? new Date()).getTime() / 1000)),
    msgType: 'tuangou.receipt.verify',
    message: JSON.stringify({ ...rest, verifyTime: beijing(verifyTime) }),
  };
  params.sign = meituanSign(signKey, params);
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
  };
}

// ---- 抖音来客 券消息通知 (life_trade_certificate_notify) ----

export interface DouyinCertificate {
  certificateId: string;
  orderId: string;
  /** a third-party code only: 抖音's own codes are not pushed */
  code?: string;
  accountId?: string;
  action?: 'verify' | 'verify_cancel' | 'refund_success';
  msgTime: Date;
}

/** X-Douyin-Signature: sha1(client secret + raw body). */
export const douyinSign = (clientSecret: string, body: string) => hex('sha1', `${clientSecret}${body}`);

export function douyinCertificatePush(
  clientSecret: string,
  c: DouyinCertificate,
  opts: { clientKey?: string; msgId?: string } = {},
): PlatformRequest {
  const content = {
    action: c.action ?? 'verify',
    msg_time: Math.floor(c.msgTime.getTime() / 1000),
    certificate: {
      order_id: c.orderId,
      certificate_id: c.certificateId,
      ...(c.code && { code: c.code }),
      account_id: c.accountId ?? '7136xxxx0001',
    },
  };
  const body = JSON.stringify({
    event: 'life_trade_certificate_notify',
    client_key: opts.clientKey ?? 'awstandin0001',
    from_user_id: '',
    content: JSON.stringify(content),
    log_id: `${c.msgTime.getTime()}${c.certificateId}`,
  });
  return {
    headers: {
      'content-type': 'application/json',
      'msg-id': opts.msgId ?? `${c.certificateId}:${content.action}`,
      'x-douyin-signature': douyinSign(clientSecret, body),
    },
    body,
  };
}

/** 抖音's check of a new webhook URL (unsigned): the answer must echo the challenge. */
export function douyinUrlCheck(challenge: number): PlatformRequest {
  return {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event: 'verify_webhook', client_key: '', content: { challenge } }),
  };
}

// ---- 快递100 订阅推送 ----

export interface Kuaidi100Track {
  /** the tracking number (nu) */
  number: string;
  /** 快递100's carrier code: shunfeng, yuantong, zhongtong … */
  com: string;
  /** lastResult.state: "0" 在途, "1" 揽收, "2" 疑难, "3" 签收, "4" 退签, "5" 派件, "14" 拒签 */
  state: string;
  /** the tracking events, any order (sent newest first, as 快递100 does) */
  events: { at: Date; context: string }[];
}

/** sign = MD5(param + salt), upper-case hex as 快递100 sends it. */
export const kuaidi100Sign = (param: string, salt: string) => hex('md5', `${param}${salt}`).toUpperCase();

export function kuaidi100TrackPush(salt: string, t: Kuaidi100Track): PlatformRequest {
  const events = [...t.events].sort((a, b) => b.at.getTime() - a.at.getTime());
  const param = JSON.stringify({
    status: t.state === '3' ? 'shutdown' : 'polling',
    billstatus: '',
    message: '',
    autoCheck: '0',
    comOld: '',
    comNew: '',
    lastResult: {
      message: 'ok',
      state: t.state,
      status: '200',
      condition: 'F00',
      ischeck: t.state === '3' ? '1' : '0',
      com: t.com,
      nu: t.number,
      data: events.map((e) => ({ context: e.context, time: beijing(e.at), ftime: beijing(e.at), areaName: '' })),
    },
  });
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams({ param, sign: kuaidi100Sign(param, salt) }).toString(),
  };
}

/** POSTs a push as the platform would and reads the answer (JSON when it is JSON). */
export async function deliverPush(url: string, push: PlatformRequest): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: push.headers, body: push.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a platform's answer need not be JSON
  }
  return { status: res.status, body };
}
