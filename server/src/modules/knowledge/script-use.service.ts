// Sending a script: its variables filled for the customer, its usage counted.
import type { ScriptUseDto } from '@xiaoer/common/schemas/sidebar';
import { fillScript } from '@xiaoer/common/schemas/knowledge';
import { hasBlank } from '@xiaoer/common/schemas/knowledge-template';
import { conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { KnowledgeBaseService } from './knowledge-base.service.js';
import type { ScriptRepository } from './script.repository.js';

export class ScriptUseService {
  constructor(
    private scripts: ScriptRepository,
    private customers: CustomerRepository,
    private orders: OrderRepository,
    private knowledge: KnowledgeBaseService,
    /** an image attachment's WeCom media_id (uploaded and kept fresh by the media service) */
    private imageMediaId: (merchantId: MerchantId, url: string) => Promise<string>,
    private merchants: Pick<MerchantRepository, 'findById'>,
  ) {}

  async use(merchantId: MerchantId, scriptId: string, customerId?: string): Promise<ScriptUseDto> {
    // a script with a blank of the industry template is not sent (nor counted) until the owner fills it
    const draft = await this.scripts.findById(merchantId, scriptId);
    if (draft && hasBlank(draft.content)) throw conflict('这条话术还有【请填写】的内容，请老板在知识库里补上后再用');
    const script = await this.scripts.countUse(merchantId, scriptId);
    if (!script) throw notFound('没有找到这条话术');
    const customer = customerId ? await this.customers.findById(merchantId, customerId) : null;
    if (customerId && !customer) throw notFound('没有找到这位客户，可能已被删除');
    let recommended = '';
    if (script.content.includes('{推荐商品}')) {
      const [favourite] = customer ? await this.orders.favouriteItems(merchantId, customer._id, 1) : [];
      const kb = await this.knowledge.get(merchantId);
      const onSale = kb.products.filter((p) => p.available && p.stock !== 0);
      recommended =
        (favourite && onSale.find((p) => p.name === favourite.name)?.name) ??
        onSale.find((p) => p.tags.includes('新品') || p.tags.includes('爆款'))?.name ??
        '';
    }
    const merchant = script.content.includes('{店名}') ? await this.merchants.findById(merchantId) : null;
    const attachment = script.attachment ?? undefined;
    const mediaId =
      attachment?.kind === 'image' && attachment.url ? await this.imageMediaId(merchantId, attachment.url) : undefined;
    return {
      text: fillScript(script.content, {
        customer: customer ? customer.remark || customer.name : '您',
        shop: merchant?.name ?? '本店',
        recommended: recommended || '招牌饮品',
      }),
      attachment: attachment && { ...attachment, mediaId },
      usageCount: script.usageCount,
    };
  }
}
