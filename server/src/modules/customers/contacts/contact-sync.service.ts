// The onboarding sync: every customer of every member, through batch/get_by_user (100 members and 100 contacts a
// page), upserted like an add event. Progress is saved after each page, so after a crash the next run resumes.
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customer.repository.js';
import type { StaffRepository } from '../../staff/staff.repository.js';
import type { ContactsApi } from '../../wecom/api/contacts-api.js';
import type { WecomCredentials } from '../../wecom/wecom-app.repository.js';
import type { ContactSyncRunRecord, ContactSyncRunRepository } from './contact-sync.repository.js';
import { channelFromState, genderFromWecom } from './welcome-message.js';

const MEMBERS_PER_BATCH = 100;

export class ContactSyncService {
  constructor(
    private runs: ContactSyncRunRepository,
    private api: ContactsApi,
    private customers: CustomerRepository,
    private staff: StaffRepository,
  ) {}

  /** The merchant's sync runs, newest first: whether the onboarding sync finished, and how many it brought in. */
  history(merchantId: MerchantId): Promise<ContactSyncRunRecord[]> {
    return this.runs.history(merchantId);
  }

  async run(app: WecomCredentials): Promise<{ synced: number }> {
    const merchantId = app.merchantId;
    const members = await this.staff.list(merchantId);
    const byUserId = new Map(members.map((m) => [m.wecomUserId, m._id]));
    const userIds = [...byUserId.keys()].sort();
    const run = await this.runs.startOrResume(merchantId);
    let { batchIndex, cursor, synced } = run;
    while (batchIndex * MEMBERS_PER_BATCH < userIds.length) {
      const batch = userIds.slice(batchIndex * MEMBERS_PER_BATCH, (batchIndex + 1) * MEMBERS_PER_BATCH);
      const page = await this.api.batchGetByUser(app, batch, cursor);
      for (const { external_contact: c, follow_info: f } of page.contacts) {
        await this.customers.upsertFromWecom(
          merchantId,
          c.external_userid,
          {
            name: c.name,
            avatar: c.avatar,
            gender: genderFromWecom(c.gender),
            followStaffId: byUserId.get(f.userid),
            sourceChannel: channelFromState(f.state),
          },
          new Date(f.createtime * 1000),
        );
      }
      synced += page.contacts.length;
      if (page.nextCursor) cursor = page.nextCursor;
      else {
        batchIndex++;
        cursor = '';
      }
      await this.runs.saveProgress(merchantId, run._id, { batchIndex, cursor, synced });
    }
    await this.runs.finish(merchantId, run._id);
    return { synced };
  }
}
