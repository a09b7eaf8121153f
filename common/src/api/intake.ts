// Shop records from outside: the signed webhooks, one per sending system (owner and managers), and spreadsheet
// exports from the POS, booking or school system (managers; a dry run previews the mapping and each row's result).
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import { knowledgeImportSchema } from '../schemas/knowledge.js';
import { importReportSchema } from '../schemas/intake.js';
import { INTAKE_KIND_NAMES, type IntakeKindName } from '../schemas/shop-data.js';
import { defineEndpoint } from './contract.js';

const kinds = INTAKE_KIND_NAMES as [IntakeKindName, ...IntakeKindName[]];
export const intakeKindParamsSchema = z.object({ kind: z.enum(kinds, { message: '不支持的数据类型' }) });

/**
 * One of the merchant's signed webhooks (one per sending system: 收银系统, ERP, 美团核销 …): its name, the orders URL
 * (what most integrations need) and one per kind, and when its secret was made. The secret is never read back.
 */
const webhookEndpointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    urls: z.record(z.enum(kinds), z.string()),
    /** the URLs for the platforms' own pushes (美团 验券, 抖音 券核销, 快递100 轨迹), by platform */
    pushUrls: z.record(z.string(), z.string()),
    createdAt: z.string(),
    secretSetAt: z.string(),
  })
  .strict();
export type WebhookEndpointDto = z.infer<typeof webhookEndpointSchema>;

/** An endpoint with its secret, shown this once (after creating it or rotating its secret). */
const endpointWithSecretSchema = z
  .object({ endpoint: webhookEndpointSchema, secret: z.string(), message: z.string() })
  .strict();

export const webhookEndpoints = defineEndpoint({
  method: 'GET',
  path: '/intake/endpoints',
  response: z.object({ items: z.array(webhookEndpointSchema) }).strict(),
});

export const webhookEndpointCreateSchema = z
  .object({
    name: z.string().trim().min(1, '请给推送地址起个名字，比如「收银系统」').max(20, '名字最多 20 个字'),
    /**
     * The platform's own signing key when the platform issues it (抖音 client secret, 美团 signKey) or the shop picked
     * it (快递100 salt); absent: Xiaoer makes one.
     */
    secret: z.string().trim().min(6, '密钥至少 6 位').max(128, '密钥最多 128 位').optional(),
  })
  .strict();

export const createWebhookEndpoint = defineEndpoint({
  method: 'POST',
  path: '/intake/endpoints',
  request: webhookEndpointCreateSchema,
  response: endpointWithSecretSchema,
  status: 201,
});

/** A new secret for one endpoint; its URL stays and its old secret stops working at once. */
export const rotateWebhookSecret = defineEndpoint({
  method: 'POST',
  path: '/intake/endpoints/:id/secret',
  params: idParamsSchema,
  response: endpointWithSecretSchema,
});

/** Revokes one endpoint: its URL refuses every delivery from then on (410). */
export const revokeWebhookEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/intake/endpoints/:id',
  params: idParamsSchema,
  response: z.void(),
  status: 204,
});

/** One endpoint's last deliveries, newest first (at most 20): what was received, or why it was refused. */
export const webhookDeliveries = defineEndpoint({
  method: 'GET',
  path: '/intake/endpoints/:id/deliveries',
  params: idParamsSchema,
  response: z
    .object({
      items: z.array(
        z
          .object({
            at: z.string(),
            kind: z.string(),
            status: z.number().int(),
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
