// The onboarding sync: every customer of every member, through batch/get_by_user (100 members and 100 contacts a
// page), upserted like an add event. Progress is saved after each page, so after a crash the next run resumes.
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../../customers/customer.repository.js';
import type { StaffRepository } from '../../staff/staff.repository.js';
import type { ContactsApi } from '../api/contacts-api.js';
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { ContactSyncModel, ContactSyncRun } from './contact-sync.model.js';
import { channelFromState, genderFromWecom } from './welcome-message.js';

const MEMBERS_PER_BATCH = 100;

export class ContactSyncService {
  constructor(
    private runs: ContactSyncModel,
    private api: ContactsApi,
    private customers: CustomerRepository,
    private staff: StaffRepository,
  ) {}

  private async currentRun(merchantId: MerchantId): Promise<ContactSyncRun & { _id: unknown }> {
    const filter = { merchantId: merchantObjectId(merchantId), status: 'running' as const };
    const run = await this.runs
      .findOneAndUpdate(
        filter,
        { $setOnInsert: { batchIndex: 0, cursor: '', synced: 0, startedAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
      .exec();
    return run!;
  }

  async run(app: WecomCredentials): Promise<{ synced: number }> {
    const merchantId = app.merchantId;
    const members = await this.staff.list(merchantId);
    const byUserId = new Map(members.map((m) => [m.wecomUserId, m._id]));
    const userIds = [...byUserId.keys()].sort();
    const run = await this.currentRun(merchantId);
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
      await this.runs.updateOne({ _id: run._id }, { $set: { batchIndex, cursor, synced } }).exec();
    }
    await this.runs.updateOne({ _id: run._id }, { $set: { status: 'done', finishedAt: new Date() } }).exec();
    return { synced };
  }
}
