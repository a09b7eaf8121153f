// The members of the WeCom app's visible range brought into staff: started from the staff step (or when the WeCom
// step connects), run as a job, idempotent (a member is upserted by userid; running it twice changes nothing), with
// its progress saved as it goes and WeCom's reason in the owner's words when it fails.
import type { Logger } from '../../logging/logger.js';
import { conflict } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { DirectoryApi, DirectoryMember } from '../wecom/api/directory-api.js';
import { WecomApiError, explainWecomFailure } from '../wecom/api/wecom-errors.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { StaffAudit } from './staff-audit.js';
import type { StaffSyncRecord, StaffSyncRepository } from './staff-sync.repository.js';
import type { StaffRepository } from './staff.repository.js';

const EMPTY_RANGE = {
  message: '小二应用的可见范围里还没有成员',
  fix: '到企业微信管理后台 → 应用管理 → 小二 → 可见范围，添加使用小二的员工或部门，再回来重新同步',
};

/** WeCom's answer to a call from an address outside 企业可信IP. */
const IP_REFUSED = 60020;

/** Progress is saved every this many members (a small shop's team is saved in one or two writes). */
const PROGRESS_EVERY = 20;

export interface StaffSyncDeps {
  runs: StaffSyncRepository;
  staff: StaffRepository;
  directory: Pick<DirectoryApi, 'visibleRange' | 'departmentTree' | 'departmentMembers' | 'member' | 'tagMembers'>;
  apps: Pick<WecomAppRepository, 'findByMerchant'>;
  /** queues the job that runs the merchant's sync */
  enqueue: (merchantId: MerchantId) => Promise<void>;
  /** ends a member's sessions at once */
  endSessions: (merchantId: MerchantId, staffId: string) => Promise<void>;
  audit: StaffAudit;
  logger: Logger;
}

export class StaffSyncService {
  constructor(private d: StaffSyncDeps) {}

  /** Starts a sync (or joins the one running) and queues its job. */
  async start(merchantId: MerchantId, by: AuditActor): Promise<StaffSyncRecord> {
    if (!(await this.d.apps.findByMerchant(merchantId))) throw conflict('请先连接企业微信，再同步员工');
    const run = await this.d.runs.startOrJoin(merchantId, by.id);
    await this.d.enqueue(merchantId);
    await this.d.audit.record(merchantId, { actor: by, action: 'staff.sync_started', target: run._id.toHexString() });
    return run;
  }

  /**
   * The live checks found 企业可信IP set: a team never synced, or whose syncs so far WeCom refused for the server's
   * address (way 1's first sync runs on saving the app, usually before the admin adds the IP), is synced now, so the
   * owner need not press 重新同步. A team synced once, or a sync that failed for another reason, is left to the owner.
   */
  async startIfRefusedBefore(merchantId: MerchantId): Promise<StaffSyncRecord | null> {
    if (await this.d.runs.everDone(merchantId)) return null;
    const latest = await this.d.runs.latest(merchantId);
    if (latest && !(latest.status === 'failed' && latest.error?.errcode === IP_REFUSED)) return null;
    return this.start(merchantId, { kind: 'system', id: 'setup_checks' });
  }

  latest(merchantId: MerchantId): Promise<StaffSyncRecord | null> {
    return this.d.runs.latest(merchantId);
  }

  /**
   * Runs the merchant's sync (the job): every member of the visible range upserted, members no longer in it
   * deactivated. A WeCom failure ends the run as failed with the errcode's explanation; it is not retried by itself
   * (most need the admin to change something), the owner starts it again.
   */
  async run(app: WecomCredentials): Promise<StaffSyncRecord> {
    const merchantId = app.merchantId;
    const run = await this.d.runs.startOrJoin(merchantId, 'wecom');
    try {
      const members = await this.visibleMembers(app, (total) => this.d.runs.progress(merchantId, run._id, { total }));
      // an empty range is the admin's setting to fix, not a reason to stop everyone being staff
      if (members.length === 0) {
        await this.d.runs.finish(merchantId, run._id, { status: 'failed', error: EMPTY_RANGE });
        return (await this.d.runs.latest(merchantId))!;
      }
      let synced = 0;
      let namesWithheld = 0;
      for (const m of members) {
        await this.d.staff.upsertFromDirectory(merchantId, m.userid, m.name);
        synced++;
        if (!m.name) namesWithheld++;
        if (synced % PROGRESS_EVERY === 0) await this.d.runs.progress(merchantId, run._id, { synced, namesWithheld });
      }
      const removed = await this.d.staff.deactivateOutside(
        merchantId,
        members.map((m) => m.userid),
      );
      // out of the visible range is off the team: their sessions end now, as when WeCom deletes them
      for (const id of removed) await this.d.endSessions(merchantId, String(id));
      const deactivated = removed.length;
      await this.d.runs.progress(merchantId, run._id, { total: members.length, synced, namesWithheld, deactivated });
      await this.d.runs.finish(merchantId, run._id, { status: 'done' });
    } catch (err) {
      this.d.logger.warn({ err, merchantId }, 'staff sync failed');
      const errcode = err instanceof WecomApiError ? err.errcode : undefined;
      await this.d.runs.finish(merchantId, run._id, {
        status: 'failed',
        error: { ...explainWecomFailure(err), ...(errcode === undefined ? {} : { errcode }) },
      });
    }
    return (await this.d.runs.latest(merchantId))!;
  }

  /**
   * Everyone the app can see, each once: the members its tags name, its departments (and the tags') walked with their
   * sub-departments, then the members named one by one.
   */
  private async visibleMembers(
    app: WecomCredentials,
    found: (total: number) => Promise<void>,
  ): Promise<DirectoryMember[]> {
    const range = await this.d.directory.visibleRange(app);
    const byUserId = new Map<string, DirectoryMember>();
    const add = (m: DirectoryMember) => {
      const held = byUserId.get(m.userid);
      if (!held || (!held.name && m.name)) byUserId.set(m.userid, m);
    };
    const roots = [...range.departmentIds];
    for (const tagId of range.tagIds) {
      const tag = await this.d.directory.tagMembers(app, tagId);
      tag.members.forEach(add);
      roots.push(...tag.departmentIds);
    }
    const departments = new Set<number>();
    for (const root of roots) for (const id of await this.d.directory.departmentTree(app, root)) departments.add(id);
    for (const id of departments) {
      for (const m of await this.d.directory.departmentMembers(app, id)) add(m);
      await found(byUserId.size);
    }
    for (const userid of range.userids) if (!byUserId.has(userid)) add(await this.d.directory.member(app, userid));
    await found(byUserId.size);
    return [...byUserId.values()];
  }
}
