import { z } from 'zod';
import { STAFF_ROLES } from '../constants/roles.js';

/** A member of staff as the clients see them. */
export const staffDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    wecomUserId: z.string(),
    shopIds: z.array(z.string()),
  })
  .strict();
export type StaffDto = z.infer<typeof staffDtoSchema>;
