// The owner's drafts inbox: approve (as written or edited, one or many), reject. An approved draft goes to a customer
// who wrote to 微信客服 in the last 48 hours straight through 微信客服 (WeCom allows it there, so it is delivered at
// once); otherwise it becomes a WeCom group-send task for the staff member who follows the customer (they confirm it
// in WeCom) and WeCom's send results later mark it delivered or failed. A scenario the owner trusts may send without approval. Every step is
// kept in the draft's audit trail with who did it.
import type { DraftStatus } from '@xiaoer/common/constants/outreach';
import type { DraftDto } from '@xiaoer/common/schemas/outreach';
import { SCENARIOS } from '@xiaoer/common/constants/scenarios';
import { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { checkReply, violationsText } from '../ai/guardrails.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { KfService } from '../conversations/kf.service.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { Draft, DraftModel } from './outreach.model.js';
import { auditedUpdate, type AuditEntry } from '../../db/audited-update.js';

type DraftRecord = Draft & { _id: Types.ObjectId };
/** WeCom's per-customer send result: 1 sent; 2 not a contact (any more); 3 already got a group message today. */
const SEND_RESULT_FAILURE: Record<number, string> = { 2: '客户已不是好友，未送达', 3: '客户今天已收到其他群发，未送达' };
/** how long after sending we keep asking WeCom whether the staff member confirmed */
const DELIVERY_WATCH_DAYS = 3;


export class DraftService {
  constructor(
    private drafts: DraftModel,
    private customers: CustomerRepository,
    private staff: StaffRepository,
    private groupSends: GroupSendService,
    private knowledge: KnowledgeBaseService,
    private kf: { sessions: Pick<KfRepository, 'openWindow'>; service: Pick<KfService, 'sendText'>; apps: Pick<WecomAppRepository, 'findByMerchant'> },
  ) {}

  async list(merchantId: MerchantId, status?: DraftStatus): Promise<DraftDto[]> {
    const rows = await this.drafts
      .find({ merchantId: merchantObjectId(merchantId), ...(status ? { status } : {}) })
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<DraftRecord[]>()
      .exec();
    const customers = await this.customers.findManyByIds(merchantId, rows.map((r) => r.customerId));
    return rows.map((r) => present(r, displayName(customers.get(String(r.customerId)))));
  }

  /** Approves and sends: the text may be edited first (and is checked again). */
  async approve(session: Session, id: string, editedText?: string): Promise<DraftDto> {
    const { merchantId } = session;
    const draft = await this.find(merchantId, id);
    if (draft.status !== 'pending') throw conflict('这条草稿已经处理过了');
    const text = editedText?.trim() || draft.text;
    if (editedText) {
      const kb = await this.knowledge.get(merchantId);
      const guard = checkReply(text, draft.citedIds, kb, kb.merchant.industry);
      if (!guard.ok) throw new AppError('validation_failed', { message: `改过的内容没有通过核对：${violationsText(guard)}，请与店铺资料保持一致` });
    }
    const claimed = await this.claim(draft, text, { by: session.staffId, action: editedText ? 'edited_and_approved' : 'approved' });
    if (!claimed) throw conflict('这条草稿已经处理过了'); // approved by someone else a moment ago
    return this.dispatch(claimed, session.staffId);
  }

  /** A scenario the owner lets send without approval: its pending drafts of the day go out as the system's. */
  async autoSend(merchantId: MerchantId, scenario: string, day: string): Promise<number> {
    const pending = await this.drafts.find({ merchantId: merchantObjectId(merchantId), scenario, day, status: 'pending' }).lean<DraftRecord[]>().exec();
    let sent = 0;
    for (const draft of pending) {
      const claimed = await this.claim(draft, draft.text, { by: 'system', action: 'auto_approved' });
      if (claimed && (await this.dispatch(claimed)).status === 'sent') sent++;
    }
    return sent;
  }

  /**
   * Asks WeCom how the recently sent drafts went: delivered once the staff member confirmed and the customer got it,
   * failed when WeCom says it could not be delivered. Tasks still unconfirmed are asked again next time.
   */
  async refreshDelivery(merchantId: MerchantId, now = new Date()): Promise<{ delivered: number; failed: number }> {
    const sent = await this.drafts
      .find({ merchantId: merchantObjectId(merchantId), status: 'sent', groupSendId: { $ne: null }, updatedAt: { $gte: new Date(now.getTime() - DELIVERY_WATCH_DAYS * 86_400_000) } })
      .limit(100)
      .lean<DraftRecord[]>()
      .exec();
    const outcome = { delivered: 0, failed: 0 };
    for (const draft of sent) {
      const [results, customer] = await Promise.all([this.groupSends.results(merchantId, String(draft.groupSendId)), this.customers.findById(merchantId, String(draft.customerId))]);
      const result = results.find((r) => r.externalUserId === customer?.externalUserId);
      if (result?.status === 1) {
        await this.mark(draft, 'delivered', {}, { by: 'wecom', action: 'delivered' });
        outcome.delivered++;
      } else if (result && SEND_RESULT_FAILURE[result.status]) {
        await this.mark(draft, 'failed', { error: SEND_RESULT_FAILURE[result.status] }, { by: 'wecom', action: 'not_delivered', note: SEND_RESULT_FAILURE[result.status] });
        outcome.failed++;
      }
    }
    return outcome;
  }

  /** Sends through 微信客服 when WeCom would accept it now; the draft's id as our msgid makes a retry send nothing twice. */
  private async sendByKf(merchantId: MerchantId, draft: DraftRecord, externalUserId: string): Promise<boolean> {
    const session = await this.kf.sessions.openWindow(merchantId, externalUserId, new Date());
    const app = session && (await this.kf.apps.findByMerchant(merchantId));
    if (!session || !app) return false;
    const outcome = await this.kf.service.sendText(app, { openKfId: session.openKfId, externalUserId }, draft.text, `draft-${draft._id.toHexString()}`);
    return outcome.status === 'sent';
  }

  /** pending → approved, once: a second tap (or a second worker) gets null. */
  private claim(draft: DraftRecord, text: string, audit: { by: string; action: string }): Promise<DraftRecord | null> {
    return auditedUpdate<Draft, DraftRecord>(this.drafts, { _id: draft._id, merchantId: draft.merchantId, status: 'pending' }, { status: 'approved', text }, audit);
  }

  /** 微信客服 inside the window; else a group-send task for the staff member who follows the customer (else the approver). */
  private async dispatch(draft: DraftRecord, approverStaffId?: string): Promise<DraftDto> {
    const merchantId = String(draft.merchantId) as MerchantId;
    const customer = await this.customers.findById(merchantId, String(draft.customerId));
    if (customer?.externalUserId && (await this.sendByKf(merchantId, draft, customer.externalUserId))) {
      return this.mark(draft, 'delivered', {}, { by: 'system', action: 'kf_sent', note: '客户48小时内联系过微信客服，已直接发送' });
    }
    const sender =
      (customer?.followStaffIds[0] && (await this.staff.findById(merchantId, String(customer.followStaffIds[0])))) || (approverStaffId && (await this.staff.findById(merchantId, approverStaffId)));
    if (!sender) return this.mark(draft, 'failed', { error: '没有可以代发的员工' }, { by: 'system', action: 'send_failed', note: '客户没有跟进员工' });
    try {
      const task = await this.groupSends.create(merchantId, { senderStaffId: String(sender._id), customerIds: [String(draft.customerId)], text: draft.text });
      return this.mark(draft, 'sent', { groupSendId: new Types.ObjectId(task.id) }, { by: 'system', action: 'group_send_created', note: `由${sender.name}在企业微信确认发送` });
    } catch (err) {
      const message = err instanceof AppError ? err.message : '企业微信暂时不可用';
      return this.mark(draft, 'failed', { error: message }, { by: 'system', action: 'send_failed', note: message });
    }
  }

  async approveMany(session: Session, ids: string[]): Promise<{ results: { id: string; status?: DraftStatus; error?: string }[] }> {
    const results = [];
    for (const id of ids) {
      try {
        const d = await this.approve(session, id);
        results.push({ id, status: d.status, ...(d.error ? { error: d.error } : {}) });
      } catch (err) {
        results.push({ id, error: (err as Error).message });
      }
    }
    return { results };
  }

  async reject(session: Session, id: string, note?: string): Promise<DraftDto> {
    const draft = await this.find(session.merchantId, id);
    const updated = await auditedUpdate<Draft, DraftRecord>(this.drafts, { _id: draft._id, merchantId: draft.merchantId, status: 'pending' }, { status: 'rejected' }, { by: session.staffId, action: 'rejected', note });
    if (!updated) throw conflict('这条草稿已经处理过了');
    return this.present(session.merchantId, updated);
  }

  private async find(merchantId: MerchantId, id: string): Promise<DraftRecord> {
    const draft = await this.drafts.findOne({ _id: new Types.ObjectId(id), merchantId: merchantObjectId(merchantId) }).lean<DraftRecord>().exec();
    if (!draft) throw notFound('没有找到这条草稿');
    return draft;
  }

  private async mark(draft: DraftRecord, status: DraftStatus, set: Partial<Draft>, audit: AuditEntry): Promise<DraftDto> {
    const updated = await auditedUpdate<Draft, DraftRecord>(this.drafts, { _id: draft._id }, { status, ...set }, audit);
    return this.present(String(draft.merchantId) as MerchantId, updated!);
  }

  private async present(merchantId: MerchantId, d: DraftRecord): Promise<DraftDto> {
    return present(d, displayName(await this.customers.findById(merchantId, String(d.customerId))));
  }
}

/** How staff know the customer: their remark, else their name. */
const displayName = (c: { remark?: string; name: string } | null | undefined) => c?.remark || c?.name || '已删除的客户';

const present = (d: DraftRecord, customerName: string): DraftDto => ({
  id: d._id.toHexString(),
  scenario: d.scenario,
  scenarioName: SCENARIOS[d.scenario as keyof typeof SCENARIOS]?.name ?? d.scenario,
  customer: { id: String(d.customerId), name: customerName },
  text: d.text,
  reason: d.reason,
  writtenBy: d.writtenBy ?? 'template',
  status: d.status,
  ...(d.error ? { error: d.error } : {}),
  ...(d.groupSendId ? { groupSendId: String(d.groupSendId) } : {}),
  audit: d.audit.map((a) => ({ at: a.at.toISOString(), by: a.by, action: a.action, ...(a.note ? { note: a.note } : {}) })),
  createdAt: d.createdAt.toISOString(),
});
