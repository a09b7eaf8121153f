// The onboarding sync: every customer of every member, through batch/get_by_user (100 members and 100 contacts a
// page), upserted like an add event. Progress is saved in MongoDB after each page, so after a crash the next run
// resumes, and any process (and the owner's page after a reload) reads the same figures. Before the first page the
// customers are counted from externalcontact/list, so the owner sees "done of total" rather than a bare count.
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customer.repository.js';
import type { StaffRepository } from '../../staff/staff.repository.js';
import type { ContactsApi } from '../../wecom/api/contacts-api.js';
import { explainWecomFailure, WecomApiError } from '../../wecom/api/wecom-errors.js';
import type { WecomCredentials } from '../../wecom/wecom-app.repository.js';
import type { ContactSyncRunRecord, ContactSyncRunRepository } from './contact-sync.repository.js';
import { channelFromState, genderFromWecom } from './welcome-message.js';

const MEMBERS_PER_BATCH = 100;
/** externalcontact/list's "this member has no customers" (84061) and "no such member any more" (60111): none to count */
const NOTHING_TO_COUNT = new Set([84061, 60111]);

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

  /** The latest run, or null when the merchant never synced. */
  async latest(merchantId: MerchantId): Promise<ContactSyncRunRecord | null> {
    return (await this.runs.history(merchantId, 1))[0] ?? null;
  }

  /**
   * The run the owner's tap starts or joins: a running one (even one stopped by an error) is resumed, never doubled;
   * after a finished one a new run starts (re-running upserts the same customers, nothing twice).
   */
  start(merchantId: MerchantId): Promise<ContactSyncRunRecord> {
    return this.runs.startOrResume(merchantId);
  }

  async run(app: WecomCredentials): Promise<{ synced: number }> {
    const merchantId = app.merchantId;
    const members = await this.staff.list(merchantId);
    const byUserId = new Map(members.map((m) => [m.wecomUserId, m._id]));
    const userIds = [...byUserId.keys()].sort();
    const run = await this.runs.startOrResume(merchantId);
    try {
      if (run.total === null || run.total === undefined)
        await this.runs.saveTotal(merchantId, run._id, await this.count(app, userIds));
      return await this.pages(app, run, userIds, byUserId);
    } catch (err) {
      // the owner's page shows WeCom's reason and its fix; the job's retry (or the owner's next tap) resumes
      await this.runs.saveError(merchantId, run._id, explainWecomFailure(err));
      throw err;
    }
  }

  /** Distinct customers across the members' lists (a customer two staff share is one customer). */
  private async count(app: WecomCredentials, userIds: string[]): Promise<number> {
    const all = new Set<string>();
    for (const userid of userIds) {
      const ids = await this.api.externalUserIds(app, userid).catch((err: unknown) => {
        if (err instanceof WecomApiError && NOTHING_TO_COUNT.has(err.errcode)) return [];
        throw err;
      });
      for (const id of ids) all.add(id);
    }
    return all.size;
  }

  private async pages(
    app: WecomCredentials,
    run: ContactSyncRunRecord,
    userIds: string[],
    byUserId: Map<string, ContactSyncRunRecord['_id']>,
  ): Promise<{ synced: number }> {
    const merchantId = app.merchantId;
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
