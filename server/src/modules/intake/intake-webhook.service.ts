// The signed webhook for POS, ERP, booking and school systems (docs/INTAKE.md):
//   POST /intake/<endpointId>/<kind>   body: {"orders": [...]}, {"reviews": [...]} ...   (common/schemas/shop-data.ts)
//   X-Xiaoer-Timestamp: unix seconds    X-Xiaoer-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//   Idempotency-Key: optional; a retry with the same key and body gets the first answer, with a different body 409.
// A merchant has one endpoint per sending system, each with its own secret; a revoked one answers 410.
// A timestamp more than 5 minutes off is refused, so a captured request cannot be replayed later.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IntakeReport } from '@xiaoer/common/schemas/intake';
import { batchRecords, intakeBatchSchema, type IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import type { SecretBox } from '../../crypto/secret-box.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import { parse } from '../../http/validate.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { IntakeRequestRepository } from './intake-request.repository.js';
import type { IntakeService } from './intake.service.js';
import type { WebhookDeliveryRecord, WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { endpointName } from './webhook-endpoint.presenter.js';
import {
  nameTaken,
  type WebhookEndpointRecord,
  type WebhookEndpointRepository,
} from './webhook-endpoint.repository.js';

export const SIGNATURE_TOLERANCE_S = 300;
/** Live push addresses per merchant. */
export const MAX_LIVE_ENDPOINTS = 10;

export interface WebhookDelivery {
  endpointId: string;
  kind: IntakeKindName;
  timestamp?: string;
  signature?: string;
  idempotencyKey?: string;
  body: string;
}

const badSignature = () =>
  new AppError('unauthenticated', { message: '签名校验失败：请用该商户的密钥对「时间戳.请求体」做 HMAC-SHA256' });

/** A revoked endpoint says so, so the system still sending to it is not left guessing at its signature. */
const revoked = () => new AppError('gone', { message: '这个推送地址已被商户停用，请向商户索取新的推送地址和密钥' });

const endpointNotFound = () => notFound('没有找到这个推送地址，可能已被停用');

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export const signWebhook = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export class IntakeWebhookService {
  constructor(
    private endpoints: WebhookEndpointRepository,
    private requests: IntakeRequestRepository,
    private secrets: SecretBox,
    private intake: IntakeService,
    private deliveries: WebhookDeliveryRepository,
    private logger: Logger,
  ) {}

  /** The merchant's live endpoints, oldest first. */
  list(merchantId: MerchantId): Promise<WebhookEndpointRecord[]> {
    return this.endpoints.list(merchantId);
  }

  /**
   * A new endpoint for one sending system, with its own URL and secret (the secret is shown this once). A platform
   * that signs its pushes with a key of its own (抖音, 美团, 快递100) is given that key as the secret.
   */
  async create(
    merchantId: MerchantId,
    name: string,
    given?: string,
  ): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    // the unnamed legacy endpoint is shown under a name of its own; a new one may not take it
    const live = await this.endpoints.list(merchantId);
    if (live.some((e) => endpointName(e) === name)) throw nameTaken(name);
    // a shop has a handful of systems; past this it is a script gone wrong, not an integration
    if (live.length >= MAX_LIVE_ENDPOINTS) throw conflict(`最多 ${MAX_LIVE_ENDPOINTS} 个推送地址，请先停用不用的`);
    const secret = given ?? newSecret();
    const endpointId = randomBytes(12).toString('hex');
    const endpoint = await this.endpoints.create(merchantId, {
      name,
      endpointId,
      secretSealed: this.secrets.seal(secret),
    });
    return { endpoint, secret };
  }

  /** A new secret for one endpoint (its URL stays; the old secret stops working at once). Shown once. */
  async rotate(merchantId: MerchantId, id: string): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const secret = newSecret();
    const endpoint = await this.endpoints.rotateSecret(merchantId, id, this.secrets.seal(secret));
    if (!endpoint) throw endpointNotFound();
    return { endpoint, secret };
  }

  /** Revokes one endpoint: its URL refuses every delivery from now on; its log goes. */
  async revoke(merchantId: MerchantId, id: string): Promise<void> {
    const endpoint = await this.endpoints.revoke(merchantId, id);
    if (!endpoint) throw endpointNotFound();
    await this.deliveries.removeFor(merchantId, endpoint.endpointId);
  }

  /** One endpoint's last deliveries, newest first (capped), for the integrations page. */
  async lastDeliveries(merchantId: MerchantId, id: string): Promise<WebhookDeliveryRecord[]> {
    const endpoint = await this.endpoints.byId(merchantId, id);
    if (!endpoint) throw endpointNotFound();
    return this.deliveries.latest(merchantId, endpoint.endpointId);
  }

  /**
   * Notes a delivery's outcome in its endpoint's log: the answer sent, or the Chinese reason it was refused. A URL
   * naming no endpoint belongs to no merchant and is not noted; nor is one naming a revoked endpoint (its log went
   * with it). The log is for the owner's eyes only: a failure to
   * write it never changes the answer the sender gets.
   */
  async note(
    endpointId: string,
    kind: string,
    outcome: { report: IntakeReport } | { error: unknown },
    now = new Date(),
  ): Promise<void> {
    try {
      const endpoint = await this.endpoints.byEndpointId(endpointId);
      if (!endpoint || endpoint.revoked) return;
      const entry =
        'report' in outcome
          ? { status: 200, received: outcome.report.received, failed: outcome.report.failed.length }
          : refusal(outcome.error);
      await this.deliveries.add(endpoint.merchantId, { endpointId, kind: kind.slice(0, 40), at: now, ...entry });
    } catch (err) {
      this.logger.warn({ err }, 'webhook delivery log not written');
    }
  }

  async deliver(d: WebhookDelivery, now = Date.now()): Promise<{ report: IntakeReport; replayed: boolean }> {
    const endpoint = await this.endpoints.byEndpointId(d.endpointId);
    if (!endpoint) throw badSignature(); // an unknown endpoint says no more than a bad signature
    if (endpoint.revoked || !endpoint.secretSealed) throw revoked();
    const ts = Number(d.timestamp);
    if (!Number.isInteger(ts) || Math.abs(now / 1000 - ts) > SIGNATURE_TOLERANCE_S) {
      throw new AppError('unauthenticated', { message: '时间戳缺失或与服务器时间相差超过 5 分钟' });
    }
    const expected = Buffer.from(signWebhook(this.secrets.open(endpoint.secretSealed), d.timestamp!, d.body));
    const given = Buffer.from(d.signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badSignature();

    const { merchantId } = endpoint;
    // the kind is part of the request: the same key and body sent to another kind is another request
    const bodyHash = createHash('sha256').update(`${d.kind}\n${d.body}`).digest('hex');
    if (d.idempotencyKey) {
      const seen = await this.requests.byKey(merchantId, d.endpointId, d.idempotencyKey);
      if (seen && seen.bodyHash !== bodyHash) throw conflict('这个 Idempotency-Key 已用于另一份请求内容');
      if (seen) return { report: seen.report as IntakeReport, replayed: true };
    }
    let json: unknown;
    try {
      json = JSON.parse(d.body);
    } catch {
      throw new AppError('invalid_json');
    }
    const records = batchRecords(d.kind, parse(intakeBatchSchema(d.kind), json));
    // Storing by the sender's id makes a concurrent duplicate harmless; the key only saves the work and the answer.
    const report = await this.intake.ingest(merchantId, d.kind, records);
    if (d.idempotencyKey) {
      await this.requests.remember(merchantId, {
        endpointId: d.endpointId,
        key: d.idempotencyKey,
        bodyHash,
        report,
        at: new Date(now),
      });
    }
    return { report, replayed: false };
  }
}

/** A refused delivery as its log shows it: the status and the reason the sender was told (with the bad fields). */
function refusal(err: unknown): { status: number; error: string } {
  if (!(err instanceof AppError)) return { status: 500, error: '服务器出错，请稍后重试' };
  const fields = Object.entries(err.fields ?? {}).map(([field, why]) => `${field}：${why}`);
  return { status: err.status, error: [err.message, ...fields].join('；').slice(0, 500) };
}
