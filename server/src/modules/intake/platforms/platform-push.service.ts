// A platform's own push to a shop's push address: the address found by the id in its URL, the platform's signature
// checked with the address's secret (the key the platform signs with), the push translated to our records and taken
// in as any other record (stored by the platform's id: a push sent again changes nothing twice).
import type { IntakeReport } from '@xiaoer/common/schemas/intake';
import type { SecretBox } from '../../../crypto/secret-box.js';
import { AppError } from '../../../errors/app-error.js';
import type { IntakeService } from '../intake.service.js';
import type { WebhookEndpointRepository } from '../webhook-endpoint.repository.js';
import type { PlatformPush, PushRequest } from './platform-push.js';

const badSignature = (p: PlatformPush) =>
  new AppError('unauthenticated', {
    message: `签名校验失败：请把${p.label}给的密钥填在这个推送地址上（对接与集成 → 新建推送地址）`,
  });

const revoked = () => new AppError('gone', { message: '这个推送地址已被商户停用，请向商户索取新的推送地址和密钥' });

export class PlatformPushService {
  constructor(
    private d: {
      endpoints: Pick<WebhookEndpointRepository, 'byEndpointId'>;
      secrets: SecretBox;
      intake: Pick<IntakeService, 'ingest'>;
    },
  ) {}

  /** The answer the platform expects, and what was taken in (none for a handshake or a push we do not store). */
  async deliver(
    endpointId: string,
    platform: PlatformPush,
    req: PushRequest,
  ): Promise<{ answer: unknown; report?: IntakeReport }> {
    const endpoint = await this.d.endpoints.byEndpointId(endpointId);
    if (!endpoint) throw badSignature(platform); // an unknown address says no more than a bad signature
    if (endpoint.revoked || !endpoint.secretSealed) throw revoked();
    const handshake = platform.handshake?.(req);
    if (handshake !== undefined) return { answer: handshake };
    if (!platform.verify(this.d.secrets.open(endpoint.secretSealed), req)) throw badSignature(platform);

    const { kind, records, unsignedLinks } = platform.translate(req);
    if (!records.length) return { answer: platform.ok };
    const report = await this.d.intake.ingest(endpoint.merchantId, kind, records, { keepLinks: unsignedLinks });
    // a record our format refuses is not "received": the platform is told why (and its retry will not help)
    const failed = report.failed[0];
    if (failed) {
      throw new AppError('validation_failed', {
        message: `${platform.label}的推送有字段不符合要求`,
        fields: failed.errors,
      });
    }
    return { answer: platform.ok, report };
  }
}
