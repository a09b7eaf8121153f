// Worker-thread entry for readSpreadsheet's pool (process/bounded-worker.ts bounds its heap and each job's time):
// loads both readers once, then reads one file per job and posts the rows or the problem.
import { serveJobs } from '../process/bounded-worker.js';
import { csvRows, problemOf, type SheetInput, type SheetOutcome } from './sheet-rows.js';
import { xlsxRows } from './xlsx-rows.js';

serveJobs<SheetInput, SheetOutcome>((input) => {
  const read = input.format === 'csv' ? csvRows : xlsxRows;
  return read(input.content).catch(problemOf);
});
