// wx.login's code: in the mini-program from WeChat itself; in the H5 build from the page's WeChat bridge. Outside
// WeChat the demo server hands out the WeChat stand-in's bridge (signed in as the demo owner); browser tests install
// it themselves. Without any, the console says where to open it.
import Taro from '@tarojs/taro';
import * as dev from '@xiaoer/common/api/dev';
import { call } from './client';

interface BrowserWx {
  login(options: { success: (res: { code: string }) => void; fail: (err: { errMsg: string }) => void }): void;
}

const browserWx = () => (globalThis as { wx?: BrowserWx }).wx;

/** The demo's bridge script, when the server offers one (demo mode only). */
async function loadDemoBridge(): Promise<void> {
  const bridge = await call(dev.wechatBridge, undefined, { anonymous: true }).catch(() => null);
  if (!bridge) return;
  const { scriptUrl } = bridge;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = scriptUrl;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('微信登录组件加载失败'));
    document.head.appendChild(script);
  });
}

export async function wxLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return (await Taro.login()).code;
  if (!browserWx()?.login) await loadDemoBridge();
  const wx = browserWx();
  if (!wx?.login) throw new Error('请在微信里打开小二老板助手');
  return new Promise((resolve, reject) =>
    wx.login({ success: (res) => resolve(res.code), fail: (err) => reject(new Error(err.errMsg)) }),
  );
}
