// A button's action: busy while it runs, a toast with the outcome (or the server's explanation), then a reload.
import { useState } from 'react';
import { toast } from '../components/Toast';

export function useAction(after: () => Promise<void> | void) {
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toast(done, 'success');
      await after();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, act };
}
