import { douyinPush } from './douyin.push.js';
import { kuaidi100Push } from './kuaidi100.push.js';
import { meituanPush } from './meituan.push.js';
import type { PlatformPush } from './platform-push.js';

/** The platforms whose own pushes a push address takes, by the last part of its URL: /intake/<id>/push/<platform>. */
export const PLATFORM_PUSHES: Record<string, PlatformPush> = {
  meituan: meituanPush,
  douyin: douyinPush,
  kuaidi100: kuaidi100Push,
};
