// The owner's last setup step: test the bot from their own WeChat on the shop's 微信客服 account, then 开始营业.
// Until then the bot answers only the owner's test conversation (see server/src/modules/golive/golive.service.ts).
import { z } from 'zod';
import { AUTO_REPLY_MODES } from '../schemas/ai.js';
import { defineEndpoint } from './contract.js';

export const goLiveMessageSchema = z
  .object({
    /** in: the customer (the owner testing); out: the bot */
    direction: z.enum(['in', 'out']),
    text: z.string(),
    at: z.string(),
    /** for the bot's messages: sent, failed, not_attempted (with why) */
    status: z.string().optional(),
  })
  .strict();

export const goLiveDtoSchema = z
  .object({
    /** setup: the bot answers only test conversations; live: the shop is open for business */
    status: z.enum(['setup', 'live']),
    liveAt: z.string().optional(),
    /** the member who pressed 开始营业 */
    liveBy: z.string().optional(),
    autoReplyMode: z.enum(AUTO_REPLY_MODES),
    /** the 微信客服 accounts the bot serves (chosen in the WeCom step): where the owner writes to test */
    kfAccounts: z.array(
      z
        .object({
          openKfId: z.string(),
          name: z.string(),
          /** the account's contact link (客服链接) to open in WeChat, when WeCom gave it */
          url: z.string().optional(),
        })
        .strict(),
    ),
    /** the demo's WeCom stand-in can play the owner's WeChat (never in production) */
    standIn: z.boolean(),
    /** until when the next new conversation on 微信客服 is taken as the owner's test */
    testUntil: z.string().nullable(),
    /** the latest test conversation, oldest message first */
    conversation: z
      .object({ externalUserId: z.string(), messages: z.array(goLiveMessageSchema) })
      .strict()
      .nullable(),
    /** the proactive scenarios switched on (after 开始营业) */
    scenarios: z.array(z.string()),
  })
  .strict();
export type GoLiveDto = z.infer<typeof goLiveDtoSchema>;

/** Where the shop stands, and the latest test conversation (the golive page polls it). */
export const goLive = defineEndpoint({
  method: 'GET',
  path: '/setup/golive',
  response: goLiveDtoSchema,
});

/** The owner is about to write from their own WeChat: the next new conversation (10 minutes) is their test. */
export const startTest = defineEndpoint({
  method: 'POST',
  path: '/setup/golive/test',
  response: goLiveDtoSchema,
});

/**
 * "这不是我": the latest test conversation was not the owner's (a customer happened to write first): the bot stops
 * answering it, and the owner can open the test again.
 */
export const forgetTest = defineEndpoint({
  method: 'POST',
  path: '/setup/golive/test/forget',
  response: goLiveDtoSchema,
});

/** Demo only (the stand-in configured, never production): the stand-in writes as the owner's WeChat. */
export const simulateCustomer = defineEndpoint({
  method: 'POST',
  path: '/setup/golive/simulate',
  request: z.object({ text: z.string().trim().min(1, '请输入要发的话').max(200, '最多 200 字').optional() }).strict(),
  response: goLiveDtoSchema,
});

/** 开始营业 (owner): the bot answers customers (after hours unless chosen otherwise) and the scenarios run. */
export const launch = defineEndpoint({
  method: 'POST',
  path: '/setup/golive/launch',
  request: z.object({ autoReplyMode: z.enum(AUTO_REPLY_MODES).optional() }).strict(),
  response: goLiveDtoSchema,
});
