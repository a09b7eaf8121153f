// A form's save: checked with the server's own schema first (each field's message under it at once), then sent; the
// server's refusal lands under the fields it names, and success is told in a toast.
import { useState } from 'react';
import type { z } from 'zod';
import { toast } from '../components/Toast';
import { checkForm, errorsOf, type FieldErrors } from '../services/form-check';

export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  /** Sends the checked value; `send` returns the success toast's text (none: it shows its own outcome). */
  const submit = async <S extends z.ZodType>(
    schema: S,
    input: unknown,
    send: (value: z.output<S>) => Promise<string | void>,
  ) => {
    const checked = checkForm(schema, input);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const done = await send(checked.value);
      if (done) toast(done, 'success');
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, submit };
}
