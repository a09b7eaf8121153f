// The WeCom client through @wecom/jssdk: register with server-made signatures, find out where the page was opened
// (a customer's chat, a customer group, a profile), and send into the chat. Outside WeCom, the demo server may hand
// us a stand-in JS bridge to load, so the same code runs in an ordinary browser.
import * as ww from '@wecom/jssdk';
import * as dev from '@xiaoer/common/api/dev';
import * as wecom from '@xiaoer/common/api/wecom';
import { BootError, jsapiBootError, notInWecom } from './boot-errors';
import { call } from './client';

export type Entry = { kind: 'customer'; externalUserId: string; entry: string } | { kind: 'group'; chatId: string };

const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat', 'sendChatMessage'];
const CUSTOMER_ENTRIES = new Set(['single_chat_tools', 'contact_profile', 'single_kf_tools']);
const hasBridge = () => Boolean((window as unknown as { WeixinJSBridge?: unknown }).WeixinJSBridge);

/** In an ordinary browser: the demo server's stand-in bridge, or a clear "open it in WeCom". */
async function ensureBridge(corpId: string): Promise<void> {
  if (hasBridge() || /wxwork/i.test(navigator.userAgent)) return;
  const entry = location.search.includes('entry=group') ? 'group_chat_tools' : undefined;
  const bridge = await call(dev.wecomBridge, { query: { corpId, entry } }).catch(() => null);
  if (!bridge) throw notInWecom();
  await new Promise<void>((resolve, reject) => {
    document.addEventListener('WeixinJSBridgeReady', () => resolve(), { once: true });
    const script = document.createElement('script');
    script.src = bridge.scriptUrl;
    script.onerror = () => reject(notInWecom());
    document.head.append(script);
  });
}

/** register → config → agentConfig → getContext → the customer or group this chat is with. */
export async function connectWecom(corpId: string): Promise<Entry> {
  await ensureBridge(corpId);
  const url = location.href.split('#')[0]!;
  const signatures = await call(wecom.jssdkSignature, { query: { url } });
  ww.register({
    corpId: signatures.corpId,
    agentId: signatures.agentId,
    jsApiList: JS_API_LIST,
    getConfigSignature: async () => signatures.config,
    getAgentConfigSignature: async () => signatures.agentConfig,
  });
  await ww.ensureCorpConfigReady().catch((e: unknown) => Promise.reject(jsapiBootError('config', e)));
  await ww.ensureAgentConfigReady().catch((e: unknown) => Promise.reject(jsapiBootError('agentConfig', e)));
  const { entry } = await ww.getContext().catch((e: unknown) => Promise.reject(jsapiBootError('context', e)));
  if (entry === 'group_chat_tools') {
    const { chatId } = await ww.getCurExternalChat().catch((e: unknown) => Promise.reject(jsapiBootError('chat', e)));
    return { kind: 'group', chatId };
  }
  if (!CUSTOMER_ENTRIES.has(entry))
    throw new BootError(
      '请从客户聊天里打开小二',
      '在和客户（或客户群）的聊天窗口，点右上角工具栏里的「小二」即可看到客户资料。',
    );
  const { userId } = await ww
    .getCurExternalContact()
    .catch((e: unknown) => Promise.reject(jsapiBootError('contact', e)));
  return { kind: 'customer', externalUserId: userId, entry };
}

export type Outgoing =
  | { kind: 'text'; text: string }
  | { kind: 'image'; mediaId: string }
  | { kind: 'link'; url: string; title: string; desc?: string; imgUrl?: string }
  | { kind: 'miniprogram'; appid: string; page: string; title: string; imgUrl?: string };

/** Puts a message into the open chat (staff still press send in WeCom: enterChat brings them there). */
export async function sendToChat(message: Outgoing): Promise<void> {
  const base = { enterChat: true };
  if (message.kind === 'text')
    await ww.sendChatMessage({ ...base, msgtype: 'text' as never, text: { content: message.text } });
  else if (message.kind === 'image')
    await ww.sendChatMessage({ ...base, msgtype: 'image' as never, image: { mediaid: message.mediaId } });
  else if (message.kind === 'link')
    await ww.sendChatMessage({
      ...base,
      msgtype: 'news' as never,
      news: { link: message.url, title: message.title, desc: message.desc ?? '', imgUrl: message.imgUrl ?? '' },
    });
  else
    await ww.sendChatMessage({
      ...base,
      msgtype: 'miniprogram' as never,
      miniprogram: { appid: message.appid, title: message.title, imgUrl: message.imgUrl ?? '', page: message.page },
    });
}
