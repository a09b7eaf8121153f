// A form checked with the server's own schema before it is sent: each field's Chinese message where the server
// would refuse it, so the owner sees it under the field at once; the server's answer says the same.
import { ApiError } from '@xiaoer/common/errors';
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

export type Checked<S extends z.ZodType> = { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors };

/** The form's values as the server will take them, or the first message for each field at fault. */
export function checkForm<S extends z.ZodType>(schema: S, input: unknown): Checked<S> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return { ok: false, errors };
}

/** The server's refusal by field (a 400 naming them), or under `_` when it is about the whole form. */
export const errorsOf = (err: unknown): FieldErrors =>
  err instanceof ApiError && err.fields ? err.fields : { _: (err as Error).message };
