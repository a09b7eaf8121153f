// Signing in (public: the sidebar's WeCom OAuth, the console's wx.login and invite binding, the demo) and the
// session's own endpoints (who am I, a renewed token, invites for new staff).
import { z } from 'zod';
import {
  demoLoginSchema,
  inviteCreateSchema,
  miniProgramBindSchema,
  miniProgramLoginSchema,
  sessionDtoSchema,
  wecomLoginSchema,
} from '../schemas/auth.js';
import { oauthUrlQuerySchema } from '../schemas/sidebar.js';
import { staffDtoSchema } from '../schemas/staff.js';
import { defineEndpoint } from './contract.js';

/** Demo mode only: sign in as one of the demo merchant's staff without WeCom. */
export const demoLogin = defineEndpoint({
  method: 'POST',
  path: '/auth/demo-login',
  request: demoLoginSchema,
  response: sessionDtoSchema,
});

/** Before WeCom's OAuth redirect: where to send the member (snsapi_base). */
export const wecomOauthUrl = defineEndpoint({
  method: 'GET',
  path: '/auth/wecom/oauth-url',
  request: oauthUrlQuerySchema,
  response: z.object({ url: z.string() }).strict(),
});

/** After WeCom's OAuth redirect: the code becomes our session. */
export const wecomLogin = defineEndpoint({
  method: 'POST',
  path: '/auth/wecom',
  request: wecomLoginSchema,
  response: sessionDtoSchema,
});

/** A WeChat account bound to a member gets a session; a new one a ticket to bind with an invite code. */
export const miniProgramLoginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), session: sessionDtoSchema }).strict(),
  z.object({ status: z.literal('needs_binding'), bindTicket: z.string() }).strict(),
]);
export type MiniProgramLoginResult = z.infer<typeof miniProgramLoginResultSchema>;

export const miniProgramLogin = defineEndpoint({
  method: 'POST',
  path: '/auth/miniprogram/login',
  request: miniProgramLoginSchema,
  response: miniProgramLoginResultSchema,
});

export const miniProgramBind = defineEndpoint({
  method: 'POST',
  path: '/auth/miniprogram/bind',
  request: miniProgramBindSchema,
  response: sessionDtoSchema,
});

/** Who is signed in; refuses a deactivated member. */
export const me = defineEndpoint({ method: 'GET', path: '/auth/me', response: staffDtoSchema });

/** A fresh token for the same member (the console renews past half a session's life). */
export const refresh = defineEndpoint({ method: 'POST', path: '/auth/refresh', response: sessionDtoSchema });

/** A one-time code that binds a member's WeChat to their staff record (owner). */
export const createInvite = defineEndpoint({
  method: 'POST',
  path: '/invites',
  request: inviteCreateSchema,
  response: z.object({ code: z.string(), expiresAt: z.string() }).strict(),
  status: 201,
});
