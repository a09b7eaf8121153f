import type { StaffRole } from '@xiaoer/common/constants/roles';
import type { MerchantId } from '../../tenancy/merchant-id.js';

/**
 * The merchant's WeCom members as the integration needs them: whom a text card goes to, whose customer list a check
 * may read. The staff module's repository is one; the integration names no domain module.
 */
export interface StaffDirectory {
  list(merchantId: MerchantId): Promise<Array<{ wecomUserId: string; role: StaffRole; active: boolean }>>;
}
