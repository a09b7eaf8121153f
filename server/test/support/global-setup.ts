// One MongoDB for the whole run (MONGO_URI when set, else a mongod on PATH, else minimongod); each test file then
// uses a database of its own and starts its own redis-server, so files run in parallel without sharing state.
import { startMongo } from '@xiaoer/dev-services/mongo';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mongo = await startMongo(process.env.MONGO_URI);
  console.log(`[tests] MongoDB: ${mongo.description}`);
  project.provide('mongoUrl', mongo.url);
  return () => mongo.stop();
}
