import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logging/logger.js';
import { dropLegacyIndexes } from './legacy-indexes.js';

/**
 * One connection per process. Index builds are not left to Mongoose's background autoIndex: startup awaits
 * createIndexes for every registered model (idempotent, safe when several processes boot at once), so a unique
 * index the code relies on as its concurrency backstop is known to exist before traffic arrives.
 */
export async function connectMongo(uri: string, logger: Logger): Promise<Connection> {
  mongoose.set('strictQuery', 'throw'); // a filter on an unknown field is a bug, not an empty result
  const connection = mongoose.createConnection(uri, {
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: 5000,
    maxPoolSize: 20,
  });
  connection.on('disconnected', () => logger.warn('mongo disconnected'));
  connection.on('reconnected', () => logger.info('mongo reconnected'));
  await connection.asPromise();
  return connection;
}

export async function ensureIndexes(connection: Connection, logger: Logger): Promise<void> {
  const dropped = await dropLegacyIndexes(connection);
  if (dropped.length) logger.info({ dropped }, 'legacy indexes dropped');
  for (const model of Object.values(connection.models)) {
    await model.createIndexes();
  }
  logger.info({ models: Object.keys(connection.models).length }, 'indexes ensured');
}

export async function pingMongo(connection: Connection): Promise<boolean> {
  try {
    await connection.db!.admin().ping();
    return true;
  } catch {
    return false;
  }
}
