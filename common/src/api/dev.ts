// Demo only: pages opened in an ordinary browser ask the demo server for the stand-in's JS bridges.
import { z } from 'zod';
import { defineEndpoint } from './contract.js';

const bridgeSchema = z.object({ scriptUrl: z.string() }).strict();

/** The sidebar's WeCom bridge, as if opened from a chat with a demo customer (or the demo group). */
export const wecomBridge = defineEndpoint({
  method: 'GET',
  path: '/dev/wecom-bridge',
  request: z
    .object({
      corpId: z.string().min(1).max(64),
      entry: z.enum(['single_chat_tools', 'group_chat_tools']).default('single_chat_tools'),
    })
    .strict(),
  response: bridgeSchema,
});

/** The console's wx.login, as the demo owner's WeChat. */
export const wechatBridge = defineEndpoint({ method: 'GET', path: '/dev/wechat-bridge', response: bridgeSchema });
