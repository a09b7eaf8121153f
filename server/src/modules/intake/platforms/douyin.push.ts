// 抖音来客 (life services) 券消息通知: what 抖音 pushes to the developer app's webhook when a voucher is verified.
// From 抖音开放平台's public docs (生活服务消息推送; 券消息通知, event life_trade_certificate_notify):
//   POST application/json  {"event", "client_key", "from_user_id", "content": "<JSON string>", "log_id"}
//   headers Msg-Id (the same for the same entity and action: 抖音 may push twice), X-Douyin-Signature =
//   sha1(client secret + raw body), hex
//   content: {"action": "verify" | "verify_cancel" | "refund_success", "msg_time": unix seconds,
//             "certificate": {"order_id", "certificate_id" (the voucher's id, not its code), "code" (third-party
//             codes only), "account_id" (the 抖音 merchant)}}
//   the URL check: {"event": "verify_webhook", "content": {"challenge": 12345}} (content sometimes a JSON string),
//   answered at once with {"challenge": 12345}.
// Not in the docs found: the body of the answer to a push (only HTTP 200 is asked for); ours is below.
import type { PlatformPush, PushRequest } from './platform-push.js';
import { digest, isObject, malformed, parseJson, sameDigest, text, unixTime } from './platform-push.js';

const LABEL = '抖音';
const CERTIFICATE_EVENT = 'life_trade_certificate_notify';
const VERIFY_ACTION = 'verify';

function envelope(req: PushRequest): Record<string, unknown> {
  const body = parseJson(LABEL, req.body, '请求体');
  if (!isObject(body)) throw malformed(LABEL, '请求体须为 JSON 对象');
  return body;
}

/** content is a JSON string in pushes (an object in some URL checks). */
function contentOf(body: Record<string, unknown>): Record<string, unknown> {
  const content = typeof body.content === 'string' ? parseJson(LABEL, body.content, 'content') : body.content;
  if (!isObject(content)) throw malformed(LABEL, '缺少 content');
  return content;
}

export const douyinPush: PlatformPush = {
  label: LABEL,
  handshake(req) {
    if (!req.body.includes('verify_webhook')) return undefined;
    const body = envelope(req);
    if (body.event !== 'verify_webhook') return undefined;
    return { challenge: contentOf(body).challenge };
  },
  verify: (secret, req) => sameDigest(req.header('X-Douyin-Signature'), digest('sha1', `${secret}${req.body}`)),
  translate(req) {
    const body = envelope(req);
    // another event (订单消息 …) of the same app: received, not ours to store
    if (body.event !== CERTIFICATE_EVENT) return { kind: 'redemptions', records: [] };
    const content = contentOf(body);
    // a cancelled verification or a refund is acknowledged; it does not (yet) undo a stored redemption
    if (content.action !== VERIFY_ACTION) return { kind: 'redemptions', records: [] };
    const certificate = isObject(content.certificate) ? content.certificate : {};
    const certificateId = text(certificate.certificate_id);
    if (!certificateId) throw malformed(LABEL, '缺少 certificate.certificate_id');
    const at = unixTime(content.msg_time);
    if (!at) throw malformed(LABEL, 'msg_time 须为秒级时间戳');
    return {
      kind: 'redemptions',
      records: [
        {
          // the voucher's id: one voucher is verified once, so a second push of it is the same redemption
          externalId: `DY-${certificateId}`,
          platform: LABEL,
          // a 抖音 code is not pushed (only a third-party code is): the voucher's id stands for it
          voucherCode: text(certificate.code) ?? certificateId,
          at,
        },
      ],
    };
  },
  ok: { err_no: 0, err_tips: 'success' },
};
