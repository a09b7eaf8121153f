// The shop's knowledge: the snapshot the bot, the scans and the group posts read (the merchant, shops, menu, FAQ and
// policies, indexed), its editing with a change history, spreadsheet import, and the sidebar's script library.
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ProductPhotoLinks } from '../catalog/product-photo-links.js';
import type { ProductPhotoRepository } from '../catalog/product-photo.repository.js';
import type { ProductRepository } from '../catalog/product.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import { KnowledgeAdminService } from './knowledge-admin.service.js';
import { KnowledgeBaseService } from './knowledge-base.service.js';
import { KnowledgeImportService } from './knowledge-import.service.js';
import { KnowledgeVersion } from './knowledge-version.js';
import { openKnowledgeRepositories } from './knowledge.repositories.js';
import { knowledgeRoutes, productPhotoFileRoutes } from './knowledge.routes.js';
import { MenuImportService } from './menu-import.service.js';
import { ScriptLibraryService } from './script-library.service.js';
import { ScriptUseService } from './script-use.service.js';

export interface KnowledgeModuleDeps {
  db: Database;
  redis: Redis;
  merchants: MerchantRepository;
  shops: ShopRepository;
  products: ProductRepository;
  productPhotos: ProductPhotoRepository;
  customers: CustomerRepository;
  orders: OrderRepository;
  staff: StaffRepository;
  /** a script's image attachment is sent as WeCom media */
  wecom: Pick<Wecom, 'media'>;
  /** signs the links to products' photos */
  photoLinkSecret: string;
}

export function build(d: KnowledgeModuleDeps) {
  // the snapshot's version: FAQ and policy writes bump it here, the merchant's, shops', menu's and LLM settings'
  // repositories through the composition's hooks
  const version = new KnowledgeVersion(d.redis);
  const { faqs, policies, scripts, changes } = openKnowledgeRepositories(d.db, version);
  const base = new KnowledgeBaseService(version, d.merchants, d.shops, d.products, faqs, policies);
  const admin = new KnowledgeAdminService(
    { faq: faqs, policy: policies, product: d.products, script: scripts },
    changes,
    d.staff,
  );
  const importer = new KnowledgeImportService(admin, new MenuImportService(admin, d.products), faqs);
  const scriptLibrary = new ScriptLibraryService(scripts, d.staff);
  const scriptUse = new ScriptUseService(
    scripts,
    d.customers,
    d.orders,
    base,
    (merchantId, url) => d.wecom.media.imageMediaId(merchantId, url),
    d.merchants,
  );
  const catalog = new CatalogService({
    products: d.products,
    photos: d.productPhotos,
    links: new ProductPhotoLinks(d.photoLinkSecret),
    history: admin,
  });
  const routes: RoutesOf = () => ({
    api: [knowledgeRoutes(admin, scriptUse, scriptLibrary, importer, catalog)],
    public: [productPhotoFileRoutes(catalog)],
  });
  return { version, base, admin, importer, catalog, scriptLibrary, scriptUse, faqs, policies, scripts, routes };
}

export type Knowledge = ReturnType<typeof build>;
