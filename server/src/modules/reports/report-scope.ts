// Whose orders a report counts: an owner reads every shop's or picks one; a manager assigned to shops reads only
// theirs (their first by default), so a 店长 sees their own shop's takings and not the other shop's.
import type { Session } from '../../auth/session.js';
import { forbidden, notFound } from '../../errors/app-error.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';

export interface ReportShop {
  id: string;
  name: string;
}

export class ReportScope {
  constructor(private d: { staff: Pick<StaffRepository, 'findById'>; knowledge: Pick<KnowledgeBaseService, 'get'> }) {}

  /** The shop the reader's report counts (undefined: every shop), and the shops they may pick from. */
  async resolve(
    session: Session,
    requested?: string,
  ): Promise<{ shop?: ReportShop; shops: ReportShop[]; everyShop: boolean }> {
    const kb = await this.d.knowledge.get(session.merchantId);
    const all = kb.shops.map((s) => ({ id: s._id.toHexString(), name: s.name }));
    let allowed = all;
    if (session.role !== 'owner') {
      const me = await this.d.staff.findById(session.merchantId, session.staffId);
      const mine = new Set((me?.shopIds ?? []).map((id) => id.toHexString()));
      // a manager not assigned to any shop runs the whole business (a one-shop merchant's 店长)
      if (mine.size) allowed = all.filter((s) => mine.has(s.id));
    }
    const restricted = allowed.length < all.length;
    if (requested) {
      const shop = allowed.find((s) => s.id === requested.toLowerCase());
      if (shop) return { shop, shops: allowed, everyShop: !restricted };
      if (all.some((s) => s.id === requested.toLowerCase())) throw forbidden('只能查看你负责的门店的报表');
      throw notFound('没有找到这个门店');
    }
    if (!restricted) return { shops: allowed, everyShop: true };
    if (!allowed[0]) throw forbidden('你还没有负责的门店，请让老板在员工管理里分配');
    return { shop: allowed[0], shops: allowed, everyShop: false };
  }
}
