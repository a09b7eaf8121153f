// The owner's drafts inbox: approve (as written or edited, one or many), reject. Approving turns the draft into a
// WeCom group-send task for the staff member who follows the customer (they confirm it in WeCom); every step is
// kept in the draft's audit trail with who did it.
import { CUSTOMER_SCENARIOS, type DraftStatus } from '@xiaoer/common/constants/outreach';
import { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { checkReply } from '../ai/guardrails.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Draft, DraftModel } from './outreach.model.js';

type DraftRecord = Draft & { _id: Types.ObjectId };

export interface DraftDto {
  id: string;
  scenario: string;
  scenarioName: string;
  customer: { id: string; name: string };
  text: string;
  reason: string;
  status: DraftStatus;
  error?: string;
  groupSendId?: string;
  audit: { at: string; by: string; action: string; note?: string }[];
  createdAt: string;
}

export class DraftService {
  constructor(
    private drafts: DraftModel,
    private customers: CustomerRepository,
    private staff: StaffRepository,
    private groupSends: GroupSendService,
    private knowledge: KnowledgeBaseService,
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
      if (!guard.ok) throw new AppError('validation_failed', { message: `改过的内容没有通过核对：${guard.violations.map((v) => v.detail).join('、')}，请与店铺资料保持一致` });
    }
    const by = session.staffId;
    const claimed = await this.drafts
      .findOneAndUpdate(
        { _id: draft._id, merchantId: draft.merchantId, status: 'pending' },
        { $set: { status: 'approved', text }, $push: { audit: { at: new Date(), by, action: editedText ? 'edited_and_approved' : 'approved' } } },
        { returnDocument: 'after' },
      )
      .lean<DraftRecord>()
      .exec();
    if (!claimed) throw conflict('这条草稿已经处理过了'); // approved by someone else a moment ago
    const customer = await this.customers.findById(merchantId, String(draft.customerId));
    const sender = (customer?.followStaffIds[0] && (await this.staff.findById(merchantId, String(customer.followStaffIds[0])))) || (await this.staff.findById(merchantId, by));
    try {
      const task = await this.groupSends.create(merchantId, { senderStaffId: String(sender!._id), customerIds: [String(draft.customerId)], text });
      return this.mark(draft, 'sent', { groupSendId: new Types.ObjectId(task.id) }, { by: 'system', action: 'group_send_created', note: `由${sender!.name}在企业微信确认发送` });
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
    const updated = await this.drafts
      .findOneAndUpdate({ _id: draft._id, merchantId: draft.merchantId, status: 'pending' }, { $set: { status: 'rejected' }, $push: { audit: { at: new Date(), by: session.staffId, action: 'rejected', note } } }, { returnDocument: 'after' })
      .lean<DraftRecord>()
      .exec();
    if (!updated) throw conflict('这条草稿已经处理过了');
    return this.present(session.merchantId, updated);
  }

  private async find(merchantId: MerchantId, id: string): Promise<DraftRecord> {
    const draft = await this.drafts.findOne({ _id: new Types.ObjectId(id), merchantId: merchantObjectId(merchantId) }).lean<DraftRecord>().exec();
    if (!draft) throw notFound('没有找到这条草稿');
    return draft;
  }

  private async mark(draft: DraftRecord, status: DraftStatus, set: Partial<Draft>, audit: { by: string; action: string; note?: string }): Promise<DraftDto> {
    const updated = await this.drafts
      .findOneAndUpdate({ _id: draft._id }, { $set: { status, ...set }, $push: { audit: { at: new Date(), ...audit } } }, { returnDocument: 'after' })
      .lean<DraftRecord>()
      .exec();
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
  scenarioName: CUSTOMER_SCENARIOS[d.scenario as keyof typeof CUSTOMER_SCENARIOS] ?? d.scenario,
  customer: { id: String(d.customerId), name: customerName },
  text: d.text,
  reason: d.reason,
  status: d.status,
  ...(d.error ? { error: d.error } : {}),
  ...(d.groupSendId ? { groupSendId: String(d.groupSendId) } : {}),
  audit: d.audit.map((a) => ({ at: a.at.toISOString(), by: a.by, action: a.action, ...(a.note ? { note: a.note } : {}) })),
  createdAt: d.createdAt.toISOString(),
});
