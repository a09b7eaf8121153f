// Startup drops the indexes an earlier version made that would now refuse valid writes (one webhook endpoint per
// merchant, Idempotency-Keys per merchant), against the run's MongoDB: idempotent, two processes booting at once
// both succeed, a fresh database has nothing to drop, and the endpoint made before names existed still works.
import { randomBytes } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { dropLegacyIndexes } from '../../src/db/legacy-indexes.js';
import { connectMongo, ensureIndexes } from '../../src/db/mongo.js';
import { createLogger } from '../../src/logging/logger.js';
import { openIntakeRepositories } from '../../src/modules/intake/intake.repositories.js';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { withDatabase } from '../support/test-config.js';

const logger = createLogger({ level: 'silent', pretty: false });
const open: Connection[] = [];

/** A process's connection to the database `name`, with the intake models registered as at startup. */
async function processOn(name: string) {
  const conn = await connectMongo(withDatabase(inject('mongoUrl'), name), logger);
  open.push(conn);
  return { conn, repos: openIntakeRepositories(conn) };
}

afterEach(async () => {
  await open[0]?.dropDatabase().catch(() => {});
  await Promise.all(open.splice(0).map((c) => c.close()));
});

const indexNames = async (conn: Connection, collection: string) =>
  // eslint-disable-next-line test-boundary/no-raw-collections -- the indexes themselves are what is under test
  (await conn.db!.collection(collection).listIndexes().toArray()).map((i) => i.name as string);

describe('legacy indexes at startup', () => {
  it('drops the one-endpoint-per-merchant and per-merchant key indexes, in two processes booting at once', async () => {
    const db = `t_legacy_${randomBytes(4).toString('hex')}`;
    const first = await processOn(db);
    // the state an earlier version left: its indexes and its one endpoint for the merchant (the product cannot make
    // these any more, so they are written raw)
    const merchantId = new Types.ObjectId();
    // eslint-disable-next-line test-boundary/no-raw-collections -- an earlier version's state, see above
    const endpoints = first.conn.db!.collection('intake_endpoints');
    await endpoints.createIndex({ merchantId: 1 }, { unique: true, name: 'merchantId_1' });
    await endpoints.insertOne({ merchantId, endpointId: 'legacy0000', secretSealed: 'sealed', updatedAt: new Date() });
    // eslint-disable-next-line test-boundary/no-raw-collections -- an earlier version's state, see above
    await first.conn.db!.collection('intake_requests').createIndex({ merchantId: 1, key: 1 }, { unique: true });
    const second = await processOn(db);

    await Promise.all([ensureIndexes(first.conn, logger), ensureIndexes(second.conn, logger)]);
    await ensureIndexes(first.conn, logger); // and again on the next boot

    expect(await indexNames(first.conn, 'intake_endpoints')).not.toContain('merchantId_1');
    expect(await indexNames(first.conn, 'intake_endpoints')).toContain('merchant_endpoint_name');
    expect(await indexNames(first.conn, 'intake_requests')).not.toContain('merchantId_1_key_1');
    expect(await indexNames(first.conn, 'intake_requests')).toContain('merchantId_1_endpointId_1_key_1');

    // the merchant now has its old endpoint and two named ones; a name is still once per merchant
    const merchant = asMerchantId(merchantId);
    const { repos } = first;
    await repos.endpoints.create(merchant, { name: '收银系统', endpointId: 'pos000000', secretSealed: 's1' });
    await repos.endpoints.create(merchant, { name: 'ERP', endpointId: 'erp000000', secretSealed: 's2' });
    await expect(
      repos.endpoints.create(merchant, { name: 'ERP', endpointId: 'erp000001', secretSealed: 's3' }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await repos.endpoints.list(merchant)).map((e) => e.name ?? null)).toEqual([null, '收银系统', 'ERP']);
    expect(await repos.endpoints.byEndpointId('legacy0000')).toMatchObject({ secretSealed: 'sealed', revoked: false });

    // two systems of one shop may send the same Idempotency-Key
    const request = { key: 'batch-1', bodyHash: 'h', report: {}, at: new Date() };
    await repos.requests.remember(merchant, { ...request, endpointId: 'pos000000' });
    await repos.requests.remember(merchant, { ...request, endpointId: 'erp000000', bodyHash: 'other' });
    expect(await repos.requests.byKey(merchant, 'erp000000', 'batch-1')).toMatchObject({ bodyHash: 'other' });
  });

  it('has nothing to drop on a fresh database, and still refuses errors other than "not there"', async () => {
    const { conn } = await processOn(`t_legacy_${randomBytes(4).toString('hex')}`);
    expect(await dropLegacyIndexes(conn)).toEqual([]);
    await ensureIndexes(conn, logger);
    expect(await dropLegacyIndexes(conn)).toEqual([]);
    // the _id index can never be dropped: that error is not swallowed
    await expect(dropLegacyIndexes(conn, [{ collection: 'intake_endpoints', name: '_id_' }])).rejects.toThrow();
  });
});
