// The repositories more than one module reads (and tests reach through `container.repositories`), opened through each
// owning module's opener. A module opens the ones only it uses in its own `build`.
import type { Database } from '../db/database.js';
import { openCampaignsRepositories } from '../modules/campaigns/campaigns.repositories.js';
import { openCatalogRepositories } from '../modules/catalog/catalog.repositories.js';
import { openChannelsRepositories } from '../modules/channels/channels.repositories.js';
import type { OptedOutHook } from '../modules/customers/customer.repository.js';
import { openCustomersRepositories } from '../modules/customers/customers.repositories.js';
import { openGroupsRepositories } from '../modules/groups/groups.repositories.js';
import type { SettingsChangedHook } from '../modules/merchants/merchant.repository.js';
import { openMerchantsRepositories } from '../modules/merchants/merchants.repositories.js';
import { openOrdersRepositories } from '../modules/orders/orders.repositories.js';
import { openOutreachRepositories } from '../modules/outreach/outreach.repositories.js';
import { openReportsRepositories } from '../modules/reports/reports.repositories.js';
import { openShopsRepositories } from '../modules/shops/shops.repositories.js';
import { openStaffRepositories } from '../modules/staff/staff.repositories.js';
import { openTagsRepositories } from '../modules/tags/tags.repositories.js';

/** What the shared repositories tell modules built after them (late-bound by the composition). */
export interface RepositoryHooks {
  /** a customer opted out: their pending drafts are cancelled */
  optedOut: OptedOutHook;
  /** the merchant's settings, shops or menu changed: the knowledge snapshot is renewed */
  settingsChanged: SettingsChangedHook;
}

export function openSharedRepositories(db: Database, hooks: RepositoryHooks) {
  return {
    ...openMerchantsRepositories(db, { settingsChanged: hooks.settingsChanged }),
    ...openShopsRepositories(db, { shopsChanged: hooks.settingsChanged }),
    ...openStaffRepositories(db),
    ...openCustomersRepositories(db, { optedOut: hooks.optedOut }),
    ...openCatalogRepositories(db, { menuChanged: hooks.settingsChanged }),
    ...openOrdersRepositories(db),
    ...openOutreachRepositories(db),
    ...openReportsRepositories(db),
    ...openGroupsRepositories(db),
    ...openCampaignsRepositories(db),
    ...openChannelsRepositories(db),
    ...openTagsRepositories(db),
  };
}
