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

export const importSheet = defineEndpoint({
  method: 'POST',
  path: '/intake/:kind/import',
  params: intakeKindParamsSchema,
  request: knowledgeImportSchema,
  response: importReportSchema,
});
