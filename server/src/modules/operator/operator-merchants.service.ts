// The operator's merchants: create one (with its owner's setup link), list every one with its setup and health,
// and look at one with its audit list. Used alike by the operator's API and the CLI.
import type { OperatorMerchantCreate } from '@xiaoer/common/schemas/operator';
import { notFound } from '../../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { MerchantAuditRecord, MerchantAuditRepository } from '../merchants/merchant-audit.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { merchantOverview, type MerchantOverview, type OverviewSources } from './merchant-overview.js';
import type { SetupLinkService } from './setup-link.service.js';

export interface OperatorMerchantsDeps {
  merchants: MerchantRepository;
  audit: MerchantAuditRepository;
  setupLinks: SetupLinkService;
  overview: OverviewSources;
  /** every merchant with a WeCom app stored */
  connectedMerchantIds: () => Promise<MerchantId[]>;
  /** the new merchant waits in setup until its owner goes live */
  startSetup: (merchantId: MerchantId) => Promise<void>;
}

export class OperatorMerchantsService {
  constructor(private d: OperatorMerchantsDeps) {}

  async create(input: OperatorMerchantCreate, by: AuditActor, now = new Date()) {
    const merchant = await this.d.merchants.create({ name: input.name, industry: input.industry });
    const merchantId = asMerchantId(merchant._id);
    await this.d.audit.record(merchantId, { actor: by, action: 'merchant.created', target: merchantId }, now);
    await this.d.startSetup(merchantId);
    const link = await this.d.setupLinks.issue(merchantId, by, input.linkHours, now);
    return { overview: await merchantOverview(this.d.overview, merchant, false, now), link };
  }

  async list(now = new Date()): Promise<MerchantOverview[]> {
    const [merchants, connected] = await Promise.all([this.d.merchants.listAll(), this.connected()]);
    return Promise.all(merchants.map((m) => merchantOverview(this.d.overview, m, connected.has(String(m._id)), now)));
  }

  async get(merchantId: MerchantId, now = new Date()): Promise<MerchantOverview & { audit: MerchantAuditRecord[] }> {
    const merchant = await this.exists(merchantId);
    const [connected, audit] = await Promise.all([this.connected(), this.d.audit.list(merchantId)]);
    return { ...(await merchantOverview(this.d.overview, merchant, connected.has(merchantId), now)), audit };
  }

  /** The merchant, or 404 (the operator names merchants by id from the list; a wrong id is simply not found). */
  async exists(merchantId: MerchantId) {
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) throw notFound('没有找到这个商户');
    return merchant;
  }

  private async connected(): Promise<Set<string>> {
    return new Set((await this.d.connectedMerchantIds()).map(String));
  }
}
