// Operational changes to the catalogue that are not edits of the menu (no change-history entry): a variant's stock
// and availability, as the owner sets them or a POS stock feed reports them.
import type { VariantStockUpdate } from '@xiaoer/common/schemas/knowledge';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ProductRepository } from './product.repository.js';

export class CatalogService {
  constructor(private products: Pick<ProductRepository, 'setVariantStock'>) {}

  async setVariantStock(merchantId: MerchantId, productId: string, update: VariantStockUpdate) {
    const match = update.sku ? { sku: update.sku } : { options: update.options ?? [] };
    const changed = await this.products.setVariantStock(merchantId, { id: productId }, match, {
      stock: update.stock,
      available: update.available,
    });
    if (!changed) throw notFound('没有找到这个商品或规格');
    return changed.after;
  }
}
