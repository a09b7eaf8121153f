// Where a missing or rejected session sends the owner: the login page, once.
import Taro from '@tarojs/taro';
import { rememberReturnRoute } from './wecom-login';

const LOGIN = '/pages/login/index';
let sentAt = 0;

/**
 * To the login page, once: a page's first calls all find the session missing at the same moment. Only ever called
 * from a page that has rendered: Taro's H5 router renders pages concurrently, so a reLaunch fired while the entry page
 * is still loading can finish first and end up hidden behind it.
 */
export function toLogin(): void {
  const current = Taro.getCurrentPages().at(-1)?.route ?? '';
  if (current.includes('pages/login') || Date.now() - sentAt < 3000) return;
  sentAt = Date.now();
  rememberReturnRoute();
  void Taro.reLaunch({ url: LOGIN });
}
