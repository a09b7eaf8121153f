import type { StaffRole } from '@xiaoer/common/constants/roles';
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import type { SessionSigner } from '../../auth/session.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';

export class AuthService {
  constructor(
    private sessions: SessionSigner,
    private merchants: MerchantRepository,
    private staff: StaffRepository,
    private demoMode: boolean,
  ) {}

  async issueFor(staff: StaffRecord): Promise<SessionDto> {
    const merchantId = asMerchantId(staff.merchantId);
    const { token, expiresAt } = await this.sessions.issue({ merchantId, staffId: staff._id.toHexString(), role: staff.role });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      staff: { id: staff._id.toHexString(), name: staff.name, role: staff.role, merchantId },
    };
  }

  /**
   * Demo mode only: a session for the demo merchant's staff member of the given role (or the given staff id).
   * The real flows (WeCom OAuth for the sidebar, wx.login for the mini-program) replace this in production.
   */
  async demoLogin(input: { staffId?: string; role?: StaffRole }): Promise<SessionDto> {
    if (!this.demoMode) throw new AppError('demo_disabled');
    const merchant = await this.merchants.findDemo();
    if (!merchant) throw notFound('演示商户还没有创建');
    const merchantId = asMerchantId(merchant._id);
    const staff = input.staffId
      ? await this.staff.findById(merchantId, input.staffId)
      : await this.staff.findFirstByRole(merchantId, input.role ?? 'owner');
    if (!staff) throw notFound('没有找到这位演示员工');
    return this.issueFor(staff);
  }
}
