// Worker threads do not inherit tsx's loader on Node 20 (not from `tsx` nor from `node --import tsx`), so a worker
// whose code is TypeScript starts here: register tsx, then import the entry named by runBoundedWorker. Plain
// JavaScript on purpose: it is what Node can load before the loader exists.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
