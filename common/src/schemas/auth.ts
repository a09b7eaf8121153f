import { z } from 'zod';
import type { StaffRole } from '../constants/roles.js';
import { objectIdSchema } from './common.js';

/** Demo mode only: sign in as one of the demo merchant's staff without WeCom. */
export const demoLoginSchema = z.object({ staffId: objectIdSchema.optional(), role: z.enum(['owner', 'manager', 'staff']).optional() }).strict();

export interface SessionDto {
  token: string;
  expiresAt: string;
  staff: { id: string; name: string; role: StaffRole; merchantId: string };
}
