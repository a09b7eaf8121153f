// Shop records from outside: the signed webhook's URLs and secret (owner), and spreadsheet exports from the POS,
// booking or school system (managers; a dry run previews the mapping and each row's result).
import { z } from 'zod';
import { knowledgeImportSchema } from '../schemas/knowledge.js';
import { importReportSchema } from '../schemas/intake.js';
import { INTAKE_KIND_NAMES, type IntakeKindName } from '../schemas/shop-data.js';
import { defineEndpoint } from './contract.js';

const kinds = INTAKE_KIND_NAMES as [IntakeKindName, ...IntakeKindName[]];
export const intakeKindParamsSchema = z.object({ kind: z.enum(kinds, { message: '不支持的数据类型' }) });

/** The orders URL (what most integrations need) and one per kind. */
const webhookUrlsSchema = z.object({ url: z.string(), urls: z.record(z.enum(kinds), z.string()) });

export const webhook = defineEndpoint({
  method: 'GET',
  path: '/intake/webhook',
  response: z.discriminatedUnion('configured', [
    z.object({ configured: z.literal(false) }).strict(),
    webhookUrlsSchema.extend({ configured: z.literal(true), updatedAt: z.string() }).strict(),
  ]),
});

/** A new secret, shown this once; the old one stops working. */
export const rotateWebhook = defineEndpoint({
  method: 'POST',
  path: '/intake/webhook',
  response: webhookUrlsSchema.extend({ secret: z.string(), message: z.string() }).strict(),
  status: 201,
});

/** The signed webhook's last deliveries, newest first (at most 20): what was received, or why it was refused. */
export const webhookDeliveries = defineEndpoint({
  method: 'GET',
  path: '/intake/webhook/deliveries',
  response: z
    .object({
      items: z.array(
        z
          .object({
            at: z.string(),
            kind: z.string(),
            status: z.number().int(),
            /** sent to the URL before the latest rotation (that URL now refuses every delivery) */
            oldUrl: z.boolean(),
            received: z.number().int().optional(),
            failed: z.number().int().optional(),
            error: z.string().optional(),
          })
          .strict(),
      ),
    })
    .strict(),
});

export const importSheet = defineEndpoint({
  method: 'POST',
  path: '/intake/:kind/import',
  params: intakeKindParamsSchema,
  request: knowledgeImportSchema,
  response: importReportSchema,
});
