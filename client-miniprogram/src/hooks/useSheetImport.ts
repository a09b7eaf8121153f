// A spreadsheet import as the console's pages run it: the file picked, previewed at once (a dry run), then imported
// on the owner's confirmation; the server's refusal shown as a toast.
import { useState } from 'react';
import { toast } from '../components/Toast';
import { pickSheet, type PickedSheet } from '../services/files';

export function useSheetImport<R extends { created: number; updated: number }>(
  send: (sheet: PickedSheet, dryRun: boolean) => Promise<R>,
  /** the toast after the import itself */
  done: (report: R) => string,
) {
  const [sheet, setSheet] = useState<PickedSheet | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean, picked = sheet) => {
    if (!picked) return;
    setBusy(true);
    try {
      const result = await send(picked, dryRun);
      setReport(result);
      if (!dryRun) toast(done(result), 'success');
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = async () => {
    try {
      const picked = await pickSheet();
      if (!picked) return;
      setSheet(picked);
      setReport(null);
      await run(true, picked);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return { sheet, report, busy, choose, confirm: () => run(false), clear: () => setReport(null) };
}
