// Server errors carry MongoDB's numeric code and codeName, so drivers raise the same error classes
// (MongoServerError with code 11000 for duplicates, TransientTransactionError labels ...) as with a real mongod.
import { EJSON, type Document } from 'bson';
import type { IndexSpec } from './collection.js';

export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
  }
}

export const duplicateKeyError = (ns: string, index: IndexSpec, keyValue: Document) =>
  new CommandError(
    11000,
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: ${EJSON.stringify(keyValue, { relaxed: true })}`,
    { keyPattern: index.key, keyValue },
  );

/** Said plainly when the product starts relying on something this test server does not do. */
export const unsupported = (what: string) =>
  new CommandError(
    115,
    'CommandNotSupported',
    `minimongod (the test/dev MongoDB stand-in) does not support ${what}; run the suite against a real mongod via MONGO_URI`,
  );
