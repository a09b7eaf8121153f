// 快递100 订阅推送 (快递信息推送服务): what 快递100 POSTs to the callbackurl given when a parcel was subscribed.
// From 快递100's public API docs (推送接口):
//   POST application/x-www-form-urlencoded  param=<JSON>&sign=<md5(param + salt)>  (sign only when a salt was given;
//   we require it: the salt is the push address's secret)
//   param: {"status": "polling" | "shutdown" | "abort" | "updateall", "message", "autoCheck", "comOld", "comNew",
//           "lastResult": {"state": "0" 在途 | "1" 揽收 | "2" 疑难 | "3" 签收 | "4" 退签 | "5" 派件 | "8" 清关 |
//                          "14" 拒签 ..., "ischeck", "com" (carrier code), "nu" (tracking number),
//                          "data": [{"context", "time", "ftime": "2026-11-27 09:00:00", "areaName"}] newest first}}
//   answer: {"result": true, "returnCode": "200", "message": "成功"} (else 快递100 retries, three times)
// The subscriber sets the callbackurl per parcel, so it may carry ?orderId=<order>&phone=<buyer's phone>: the
// shipment then names its order and its buyer (after-delivery care needs them). 快递100 itself sends neither.
// 快递100 signs param only, so the query is not signed: anyone holding one signed push (a proxy's log, a shared URL)
// can replay it under another query. The query therefore links a parcel not linked yet and never relinks one
// (unsignedLinks). That loses nothing real: the callbackurl is fixed when the parcel is subscribed and every push of
// it comes to that same URL, so a later push naming another order or buyer is a replay, not a correction. Signing
// the query ourselves would need every subscriber to compute a second signature, which 快递100's subscribe call
// knows nothing of. What stays open: a parcel first pushed (or imported) without a buyer can still be linked by a
// replay (docs/INTAKE.md).
import type { PlatformPush } from './platform-push.js';
import { beijingTime, digest, isObject, malformed, parseJson, sameDigest, text } from './platform-push.js';

const LABEL = '快递100';

/** 快递100's carrier codes → the names shops use; another code is kept as it is. */
const CARRIERS: Record<string, string> = {
  shunfeng: '顺丰',
  yuantong: '圆通',
  zhongtong: '中通',
  shentong: '申通',
  yunda: '韵达',
  jtexpress: '极兔',
  ems: 'EMS',
  youzhengguonei: '邮政',
  jd: '京东',
  debangkuaidi: '德邦',
};

/** lastResult.state → our status: 3 签收 is delivered; 2 疑难, 4 退签, 14 拒签 are exceptions; the rest move on. */
const DELIVERED = new Set(['3']);
const EXCEPTION = new Set(['2', '4', '14']);

const form = (body: string) => new URLSearchParams(body);

export const kuaidi100Push: PlatformPush = {
  label: LABEL,
  verify: (salt, req) => {
    const param = form(req.body).get('param') ?? '';
    return sameDigest(form(req.body).get('sign') ?? undefined, digest('md5', `${param}${salt}`));
  },
  translate(req) {
    const param = parseJson(LABEL, form(req.body).get('param') ?? undefined, 'param');
    if (!isObject(param)) throw malformed(LABEL, 'param 须为 JSON 对象');
    const last = param.lastResult;
    if (!isObject(last)) throw malformed(LABEL, '缺少 lastResult');
    const events = Array.isArray(last.data) ? last.data.filter(isObject) : [];
    // "3天查询无记录" and the like: nothing has moved yet, nothing to store
    if (!events.length) return { kind: 'shipments', records: [] };
    const number = text(last.nu);
    if (!number) throw malformed(LABEL, '缺少 lastResult.nu（运单号）');
    // newest first as documented; sorted anyway so a reordered list still names the latest event
    const latest = [...events].sort((a, b) => String(b.ftime ?? '').localeCompare(String(a.ftime ?? '')))[0]!;
    const lastEventAt = beijingTime(latest.ftime ?? latest.time);
    if (!lastEventAt) throw malformed(LABEL, 'ftime 须为「2026-11-27 09:00:00」这样的时间');
    const state = text(last.state) ?? '0';
    const status = DELIVERED.has(state) ? 'delivered' : EXCEPTION.has(state) ? 'exception' : 'in_transit';
    const com = text(last.com);
    const phone = text(req.query.phone);
    return {
      kind: 'shipments',
      unsignedLinks: true,
      records: [
        {
          externalId: number,
          ...(com && { carrier: (CARRIERS[com] ?? com).slice(0, 20) }),
          ...(text(req.query.orderId) && { orderId: text(req.query.orderId) }),
          status,
          lastEventAt,
          ...(text(latest.context) && { lastEvent: text(latest.context)!.slice(0, 100) }),
          ...(status === 'delivered' && { deliveredAt: lastEventAt }),
          ...(phone && { customer: { phone } }),
        },
      ],
    };
  },
  ok: { result: true, returnCode: '200', message: '成功' },
};
