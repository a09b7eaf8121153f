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

/**
 * The onboarding sync of existing customers as it stands (saved in MongoDB after each page, so any process and any
 * reload shows the same): customers done of those WeCom lists for the staff, and WeCom's reason when it stopped.
 */
export const contactSyncRunSchema = z
  .object({
    /** running: in progress (or stopped with `error`, resumed by starting again); done: finished */
    status: z.enum(['running', 'done']),
    done: z.number().int(),
    /** the customers WeCom lists for the staff; null until the sync has counted them */
    total: z.number().int().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    error: z.object({ message: z.string(), fix: z.string() }).strict().optional(),
  })
  .strict();
export type ContactSyncRunDto = z.infer<typeof contactSyncRunSchema>;

/** Onboarding (owner): bring in every existing customer, in the background; a running sync is joined, not doubled. */
export const contactSync = defineEndpoint({
  method: 'POST',
  path: '/wecom/contact-sync',
  response: z.object({ message: z.string(), run: contactSyncRunSchema }).strict(),
  status: 202,
});

/** The latest onboarding sync (null: never started), for the existing-customers step to show its progress. */
export const contactSyncStatus = defineEndpoint({
  method: 'GET',
  path: '/wecom/contact-sync',
  response: z.object({ run: contactSyncRunSchema.nullable(), customers: z.number().int() }).strict(),
});
