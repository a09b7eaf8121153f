// WeCom: the JS-SDK signatures the sidebar's ww.register asks for, and the console's configuration check and onboarding.
import { z } from 'zod';
import { jssdkSignatureQuerySchema } from '../schemas/auth.js';
import { defineEndpoint } from './contract.js';

const signatureSchema = z.object({ timestamp: z.number().int(), nonceStr: z.string(), signature: z.string() }).strict();

/** Both signatures (config over the corp jsapi_ticket, agentConfig over the app's) for the page's current URL. */
export const jssdkSignature = defineEndpoint({
  method: 'GET',
  path: '/wecom/jssdk-signature',
  request: jssdkSignatureQuerySchema,
  response: z
    .object({ corpId: z.string(), agentId: z.number().int(), config: signatureSchema, agentConfig: signatureSchema })
    .strict(),
});

export const configCheckSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    ok: z.boolean(),
    /** what was found, in plain words */
    message: z.string(),
    /** what to do about it, when it failed */
    fix: z.string().optional(),
  })
  .strict();
export type ConfigCheck = z.infer<typeof configCheckSchema>;

/** The live configuration check for the settings page (managers): each problem with its fix. */
export const configCheck = defineEndpoint({
  method: 'GET',
  path: '/wecom/config-check',
  response: z.object({ checks: z.array(configCheckSchema) }).strict(),
});

/** Onboarding (owner): bring in every existing customer, in the background. */
export const contactSync = defineEndpoint({
  method: 'POST',
  path: '/wecom/contact-sync',
  response: z.object({ message: z.string() }).strict(),
  status: 202,
});
