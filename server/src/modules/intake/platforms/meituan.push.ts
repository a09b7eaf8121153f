// 美团 团购验券 (开店宝 / 美团到综): the verification push. 美团's public docs for this push could not be found (its
// open platform shows them only to signed-in developers), so the fields and the answer below are ASSUMED — every one
// of them is in this file, to be corrected against the developer console. What is taken from public 美团 docs:
//   - the signature rule of 美团's open platforms (developer.meituan.com 开发者 signKey; the 美团券 and 青云 docs):
//     every form parameter except sign and the empty ones, sorted by name, written name1value1name2value2…, the
//     signKey in front, SHA-1, lower-case hex;
//   - the form-encoded POST with developerId and timestamp, and the camelCase names of its 团购 API (receiptCode,
//     opPoiId).
// Assumed: the message parameter (a JSON string) and its fields: verifyId (the verification's id), receiptCode,
// dealTitle, dealPrice (yuan), verifyTime ("2026-11-30 12:01:00", Beijing time), verifyAcctName (who redeemed it);
// and the answer {"code": "OK"}.
import type { PlatformPush, PushRequest } from './platform-push.js';
import { beijingTime, digest, isObject, malformed, parseJson, sameDigest, text, unixTime } from './platform-push.js';

const LABEL = '美团';

/** The message's fields (assumed names: see above). */
export const MEITUAN_FIELDS = {
  id: 'verifyId',
  code: 'receiptCode',
  deal: 'dealTitle',
  priceYuan: 'dealPrice',
  time: 'verifyTime',
  staff: 'verifyAcctName',
} as const;

const params = (req: PushRequest) => new URLSearchParams(req.body);

/** The string 美团 signs: the parameters but sign and the empty ones, by name, as name1value1name2value2… */
export function meituanSignBase(form: URLSearchParams): string {
  return [...form.entries()]
    .filter(([k, v]) => k !== 'sign' && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}${v}`)
    .join('');
}

export const meituanPush: PlatformPush = {
  label: LABEL,
  verify: (signKey, req) => {
    const form = params(req);
    return sameDigest(form.get('sign') ?? undefined, digest('sha1', `${signKey}${meituanSignBase(form)}`));
  },
  translate(req) {
    const message = parseJson(LABEL, params(req).get('message') ?? undefined, 'message');
    if (!isObject(message)) throw malformed(LABEL, 'message 须为 JSON 对象');
    const f = MEITUAN_FIELDS;
    const id = text(message[f.id]);
    if (!id) throw malformed(LABEL, `缺少 ${f.id}（验券流水号）`);
    const code = text(message[f.code]);
    if (!code) throw malformed(LABEL, `缺少 ${f.code}（券码）`);
    const at = beijingTime(message[f.time]) ?? unixTime(message[f.time]);
    if (!at) throw malformed(LABEL, `${f.time} 须为「2026-11-30 12:01:00」这样的时间`);
    const price = Number(message[f.priceYuan]);
    const staff = text(message[f.staff]);
    const deal = text(message[f.deal]);
    return {
      kind: 'redemptions',
      records: [
        {
          externalId: `MT-${id}`,
          platform: LABEL,
          voucherCode: code,
          ...(deal && { deal: deal.slice(0, 40) }),
          ...(message[f.priceYuan] !== undefined && Number.isFinite(price) && { amount: Math.round(price * 100) }),
          ...(staff && { staffName: staff.slice(0, 20) }),
          at,
        },
      ],
    };
  },
  ok: { code: 'OK' },
};
