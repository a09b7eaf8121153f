// The owner's WeCom application messages (reports, alerts, the morning summary): a text card to every active owner
// of the merchant (and manager, when the card is for them too), opening a page of the owner's console.
import { roleAtLeast, type StaffRole } from '@xiaoer/common/constants/roles';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ContactsApi } from './api/contacts-api.js';
import type { StaffDirectory } from './staff-directory.js';
import type { WecomAppRepository } from './wecom-app.repository.js';

export interface OwnerCard {
  title: string;
  /** WeCom shows up to 512 bytes; longer text is cut */
  description: string;
  /** the console page, e.g. "pages/alerts/index?id=..." */
  page: string;
  /** who hears it: the owners (default), or from 'manager' up, the owners and managers */
  to?: StaffRole;
}

export class OwnerNotifier {
  constructor(
    private d: {
      apps: WecomAppRepository;
      staff: StaffDirectory;
      contacts: ContactsApi;
      /** the owner console's base URL */
      consoleUrl: string;
    },
  ) {}

  /** false when there is no one to tell (no WeCom app or no active recipient); WeCom errors are thrown. */
  async send(merchantId: MerchantId, card: OwnerCard): Promise<boolean> {
    const app = await this.d.apps.findByMerchant(merchantId);
    const to = card.to ?? 'owner';
    const recipients = (await this.d.staff.list(merchantId)).filter((s) => roleAtLeast(s.role, to) && s.active);
    if (!app || !recipients.length) return false;
    await this.d.contacts.sendAppTextCard(
      app,
      recipients.map((o) => o.wecomUserId),
      // opened in WeCom's browser: the console signs in through WeCom's OAuth for this corp, then opens the page
      {
        title: card.title.slice(0, 64),
        description: truncateBytes(card.description, 500),
        url: `${this.d.consoleUrl}/?corp=${encodeURIComponent(app.corpId)}#/${card.page}`,
      },
    );
    return true;
  }
}

/** Cut to a byte budget without splitting a character (WeCom counts UTF-8 bytes). */
function truncateBytes(text: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) return `${out.slice(0, -1)}…`;
    out += ch;
  }
  return out;
}
