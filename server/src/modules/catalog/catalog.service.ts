// Operational changes to the catalogue that are not edits of the menu (no change-history entry): a variant's stock
// and availability, as the owner sets them or a POS stock feed reports them. And what the console shows of the
// menu as the bot reads it: the names it also knows each product by.
import type { VariantStockUpdate } from '@xiaoer/common/schemas/knowledge';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { catalogueAliases } from './product-aliases.js';
import type { ProductRepository } from './product.repository.js';

export class CatalogService {
  constructor(private products: Pick<ProductRepository, 'setVariantStock' | 'list'>) {}

  /** Each product's generated aliases the bot matches (across this menu), without the owner's own. */
  async generatedAliases(merchantId: MerchantId): Promise<{ id: string; generated: string[] }[]> {
    const products = await this.products.list(merchantId);
    const aliases = catalogueAliases(products);
    return products.map((p, i) => {
      const own = new Set(p.aliases ?? []);
      return { id: p._id.toHexString(), generated: aliases[i]!.filter((a) => !own.has(a)) };
    });
  }

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
