// The owner's WeCom setup: way 1 (a self-built app) or way 2 (服务商代开发, the admin scans). Every endpoint is the
// owner's alone: way 1's callback Token and EncodingAESKey are shown to the owner because the owner pastes them into
// WeCom; the Secret (way 2: the permanent code) is never sent back.
import { z } from 'zod';
import {
  kfAccountsChoiceSchema,
  wecomAgencyLinkDtoSchema,
  wecomAppCredentialsSchema,
  wecomKfAccountsDtoSchema,
  wecomSetupCheckDtoSchema,
  wecomSetupDtoSchema,
} from '../schemas/wecom-setup.js';
import { defineEndpoint } from './contract.js';

/** Where the setup stands, from what Xiaoer knows (no WeCom call; cheap enough to poll while waiting for WeCom). */
export const setup = defineEndpoint({ method: 'GET', path: '/wecom/setup', response: wecomSetupDtoSchema });

/**
 * Saves the corp ID, AgentId and Secret (checked with WeCom first: a wrong one is 400 with the field named and the
 * fix); the first save generates the callback Token and EncodingAESKey. Answers with the setup as GET does.
 */
export const saveApp = defineEndpoint({
  method: 'PUT',
  path: '/wecom/setup/app',
  request: wecomAppCredentialsSchema,
  response: wecomSetupDtoSchema,
});

/** New callback Token and EncodingAESKey (to paste again; WeCom must verify the URL again). */
export const regenerateCallbackKeys = defineEndpoint({
  method: 'POST',
  path: '/wecom/setup/callback-keys',
  response: wecomSetupDtoSchema,
});

/** Every check, live against WeCom, in the order of the setup's steps. */
export const checks = defineEndpoint({
  method: 'GET',
  path: '/wecom/setup/checks',
  response: z.object({ checks: z.array(wecomSetupCheckDtoSchema), checkedAt: z.string() }).strict(),
});

/** The corp's 微信客服 accounts (WeCom's kf/account/list), which of them the app may manage and which the bot serves. */
export const kfAccounts = defineEndpoint({
  method: 'GET',
  path: '/wecom/setup/kf-accounts',
  response: wecomKfAccountsDtoSchema,
});

/**
 * The accounts the bot serves. Each must be one the app may manage (else 400 naming it, with the fix). Answers with
 * the setup as GET /wecom/setup does.
 */
export const chooseKfAccounts = defineEndpoint({
  method: 'PUT',
  path: '/wecom/setup/kf-accounts',
  request: kfAccountsChoiceSchema,
  response: wecomSetupDtoSchema,
});

/**
 * Way 2 (服务商代开发): a fresh authorisation link for the shop's WeCom admin to open and scan (20 minutes, single
 * use, bound to this shop). When the admin authorises, WeCom tells Xiaoer and the app is filled in: GET /wecom/setup
 * then shows it connected. 503 while WeCom has not yet pushed the template's ticket; 409 when way 2 is not offered.
 */
export const agencyLink = defineEndpoint({
  method: 'POST',
  path: '/wecom/setup/agency/link',
  response: wecomAgencyLinkDtoSchema,
});
