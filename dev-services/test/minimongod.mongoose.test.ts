// Conformance: every Mongoose operation the product relies on, against minimongod over a real TCP connection.
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MiniMongo } from '../src/minimongod/server.js';

const server = new MiniMongo();
let conn: Connection;

const Team = new Schema({ name: { type: String, required: true } });
const User = new Schema(
  {
    tenant: { type: String, required: true },
    email: { type: String, required: true },
    age: Number,
    tags: [String],
    team: { type: Schema.Types.ObjectId, ref: 'Team' },
    visits: [{ shop: String, count: Number }],
    profile: { city: String },
  },
  { timestamps: true },
);
User.index({ tenant: 1, email: 1 }, { unique: true });

const models = () => ({ Team: conn.model('Team', Team), User: conn.model('User', User) });

beforeAll(async () => {
  const { uri } = await server.listen(0);
  conn = await mongoose.createConnection(uri('conformance')).asPromise();
});
afterAll(async () => {
  await conn.close();
  await server.close();
});
beforeEach(async () => {
  await conn.dropDatabase();
  await models().User.syncIndexes();
});

describe('minimongod with Mongoose', () => {
  it('answers the handshake, ping and buildInfo', async () => {
    const admin = conn.db!.admin();
    expect((await admin.ping()).ok).toBe(1);
    expect((await admin.buildInfo()).version).toMatch(/^7\./);
  });

  it('creates, reads with filters, sort, skip, limit and projection', async () => {
    const { User } = models();
    await User.insertMany(
      Array.from({ length: 30 }, (_, i) => ({
        tenant: i % 2 ? 'a' : 'b',
        email: `u${i}@x.cn`,
        age: i,
        tags: i % 3 ? ['vip'] : [],
      })),
    );
    const found = await User.find({ tenant: 'a', age: { $gte: 5, $lt: 20 }, tags: 'vip' })
      .sort({ age: -1 })
      .skip(1)
      .limit(3)
      .select({ email: 1, age: 1, _id: 0 })
      .lean();
    expect(found).toEqual([
      { email: 'u17@x.cn', age: 17 },
      { email: 'u13@x.cn', age: 13 },
      { email: 'u11@x.cn', age: 11 },
    ]);
    expect(await User.countDocuments({ tenant: 'a' })).toBe(15);
    expect(await User.estimatedDocumentCount()).toBe(30);
    expect((await User.distinct('tenant')).sort()).toEqual(['a', 'b']);
    expect(await User.exists({ email: 'u0@x.cn' })).toBeTruthy();
  });

  it('streams a large result through getMore batches', async () => {
    const { User } = models();
    await User.insertMany(Array.from({ length: 450 }, (_, i) => ({ tenant: 't', email: `${i}@x.cn`, age: i })));
    let seen = 0;
    await User.find({ tenant: 't' })
      .batchSize(100)
      .cursor()
      .eachAsync(() => void seen++);
    expect(seen).toBe(450);
  });

  it('enforces unique indexes with E11000 on insert, update and ordered insertMany', async () => {
    const { User } = models();
    await User.create({ tenant: 'a', email: 'dup@x.cn' });
    await expect(User.create({ tenant: 'a', email: 'dup@x.cn' })).rejects.toMatchObject({ code: 11000 });
    await User.create({ tenant: 'b', email: 'dup@x.cn' }); // another tenant may reuse it
    const other = await User.create({ tenant: 'a', email: 'other@x.cn' });
    await expect(User.updateOne({ _id: other._id }, { email: 'dup@x.cn' })).rejects.toMatchObject({ code: 11000 });
    const batch = [
      { tenant: 'c', email: '1' },
      { tenant: 'c', email: '1' },
      { tenant: 'c', email: '2' },
    ];
    await expect(User.insertMany(batch)).rejects.toMatchObject({ code: 11000 });
    expect(await User.countDocuments({ tenant: 'c' })).toBe(1);
    const unordered = await User.insertMany(
      batch.map((b) => ({ ...b, tenant: 'd' })),
      { ordered: false },
    ).catch((e) => e);
    expect(unordered.code).toBe(11000);
    expect(await User.countDocuments({ tenant: 'd' })).toBe(2);
  });

  it('lists and drops indexes by name with the codes mongod gives (a legacy index dropped at startup)', async () => {
    const { User } = models();
    await User.create({ tenant: 'a', email: 'x@x.cn' });
    const users = conn.db!.collection('users');
    const names = async () => (await users.listIndexes().toArray()).map((i) => i.name);
    expect(await names()).toEqual(['_id_', 'tenant_1_email_1']);
    await users.dropIndex('tenant_1_email_1');
    expect(await names()).toEqual(['_id_']);
    await User.create({ tenant: 'a', email: 'x@x.cn' }); // no longer unique
    await expect(users.dropIndex('tenant_1_email_1')).rejects.toMatchObject({ code: 27 });
    await expect(users.dropIndex('_id_')).rejects.toMatchObject({ code: 72 });
    await expect(conn.db!.collection('none').dropIndex('x_1')).rejects.toMatchObject({ code: 26 });
    await expect(conn.db!.collection('none').listIndexes().toArray()).rejects.toMatchObject({ code: 26 });
  });

  it('upserts atomically with $setOnInsert and returns the new document', async () => {
    const { User } = models();
    const first = await User.findOneAndUpdate(
      { tenant: 'a', email: 'new@x.cn' },
      { $setOnInsert: { age: 1 }, $set: { 'profile.city': '杭州' } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(first).toMatchObject({ tenant: 'a', email: 'new@x.cn', age: 1, profile: { city: '杭州' } });
    const second = await User.findOneAndUpdate(
      { tenant: 'a', email: 'new@x.cn' },
      { $setOnInsert: { age: 99 }, $inc: { age: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(second?.age).toBe(2);
    expect(second?._id.equals(first!._id)).toBe(true);
  });

  it('applies array operators, positional updates and arrayFilters', async () => {
    const { User } = models();
    const u = await User.create({
      tenant: 'a',
      email: 'arr@x.cn',
      tags: ['a'],
      visits: [
        { shop: 's1', count: 1 },
        { shop: 's2', count: 5 },
      ],
    });
    await User.updateOne({ _id: u._id }, { $addToSet: { tags: { $each: ['a', 'b', 'c'] } } });
    await User.updateOne({ _id: u._id }, { $pull: { tags: 'c' } });
    await User.updateOne({ _id: u._id, 'visits.shop': 's1' }, { $inc: { 'visits.$.count': 2 } });
    await User.updateOne(
      { _id: u._id },
      { $set: { 'visits.$[v].count': 0 } },
      { arrayFilters: [{ 'v.count': { $gte: 5 } }] },
    );
    const after = await User.findById(u._id).lean();
    expect(after?.tags).toEqual(['a', 'b']);
    expect(after?.visits.map((v) => v.count)).toEqual([3, 0]);
  });

  it('runs the aggregation stages reports use: $match, $group, $sort, $lookup, $facet, $dateToString', async () => {
    const { User, Team } = models();
    const team = await Team.create({ name: '早班' });
    await User.insertMany([
      { tenant: 'a', email: '1', age: 10, team: team._id },
      { tenant: 'a', email: '2', age: 30, team: team._id },
      { tenant: 'b', email: '3', age: 50 },
    ]);
    const grouped = await User.aggregate([
      { $match: { age: { $gte: 10 } } },
      { $group: { _id: '$tenant', total: { $sum: '$age' }, n: { $sum: 1 } } },
      { $sort: { total: -1 } },
    ]);
    expect(grouped).toEqual([
      { _id: 'b', total: 50, n: 1 },
      { _id: 'a', total: 40, n: 2 },
    ]);
    const joined = await User.aggregate([
      { $match: { tenant: 'a' } },
      { $lookup: { from: 'teams', localField: 'team', foreignField: '_id', as: 'team' } },
      { $unwind: '$team' },
      {
        $project: {
          _id: 0,
          email: 1,
          teamName: '$team.name',
          day: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } },
        },
      },
    ]);
    expect(joined.map((j) => j.teamName)).toEqual(['早班', '早班']);
    expect(joined[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [facets] = await User.aggregate([
      { $facet: { total: [{ $count: 'n' }], old: [{ $match: { age: { $gt: 20 } } }, { $count: 'n' }] } },
    ]);
    expect(facets).toEqual({ total: [{ n: 3 }], old: [{ n: 2 }] });
  });

  it('commits transactions and rolls back aborted ones, invisible to others until commit', async () => {
    const { User } = models();
    await conn.transaction(async (session) => {
      await User.create([{ tenant: 't', email: 'committed' }], { session });
      expect(await User.countDocuments({ tenant: 't' })).toBe(0); // not visible outside the transaction yet
      expect(await User.countDocuments({ tenant: 't' }).session(session)).toBe(1);
    });
    expect(await User.countDocuments({ tenant: 't' })).toBe(1);
    await expect(
      conn.transaction(async (session) => {
        await User.create([{ tenant: 't', email: 'rolled-back' }], { session });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await User.countDocuments({ tenant: 't' })).toBe(1);
  });

  it('runs bulkWrite and deletes', async () => {
    const { User } = models();
    await User.create({ tenant: 'a', email: 'keep' });
    const result = await User.bulkWrite([
      { insertOne: { document: { tenant: 'a', email: 'x' } } },
      { updateOne: { filter: { email: 'x' }, update: { $set: { age: 7 } } } },
      { updateOne: { filter: { email: 'y' }, update: { $set: { tenant: 'a', age: 8 } }, upsert: true } },
      { deleteOne: { filter: { email: 'keep' } } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(result.deletedCount).toBe(1);
    expect((await User.deleteMany({ tenant: 'a' })).deletedCount).toBe(2);
  });

  it('expires documents from TTL indexes', async () => {
    const expiring = conn.collection('expiring');
    await expiring.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
    await expiring.insertMany([{ at: new Date(Date.now() - 120_000) }, { at: new Date() }]);
    await new Promise((r) => setTimeout(r, 1100)); // expiry runs at most once a second per collection
    expect(await expiring.countDocuments()).toBe(1);
  });

  it('answers equality queries through index buckets exactly as a scan would, through updates and deletes', async () => {
    const { User } = models();
    await User.insertMany(
      Array.from({ length: 60 }, (_, i) => ({
        tenant: `t${i % 3}`,
        email: `b${i}@x.cn`,
        age: i % 5,
        tags: i % 2 ? ['vip', 'new'] : [],
      })),
    );
    const byTenant = async () => (await User.find({ tenant: 't1' }).lean()).map((u) => u.email).sort();
    expect(await byTenant()).toHaveLength(20);
    expect(await User.countDocuments({ tenant: 't1', email: 'b1@x.cn' })).toBe(1); // compound prefix
    await User.updateMany({ tenant: 't1', age: { $lt: 2 } }, { $set: { tenant: 't9' } });
    expect(await User.countDocuments({ tenant: 't1' })).toBe(await User.countDocuments({ tenant: { $in: ['t1'] } }));
    await User.deleteMany({ tenant: 't9' });
    expect(await User.countDocuments({ tenant: 't9' })).toBe(0);
    const tagged = conn.collection('users');
    await tagged.createIndex({ tags: 1 });
    expect(await tagged.countDocuments({ tags: 'vip' })).toBe(await tagged.countDocuments({ tags: { $in: ['vip'] } }));
    await tagged.createIndex({ profile: 1 });
    expect(await tagged.countDocuments({ profile: null })).toBe(await tagged.countDocuments({}));
  });

  it('answers $in on an index prefix and aggregates behind a leading $match exactly as a scan would', async () => {
    const users = conn.collection('in_users');
    await users.createIndex({ tenant: 1, age: 1 });
    await users.createIndex({ tags: 1 });
    await users.insertMany(
      Array.from({ length: 90 }, (_, i) => ({
        tenant: `t${i % 3}`,
        age: i % 7,
        tags: i % 2 ? ['vip', `g${i % 4}`] : [],
        n: i,
      })),
    );
    const all = await users.find({}).toArray();
    const scan = (test: (d: (typeof all)[number]) => boolean) =>
      all
        .filter(test)
        .map((d) => d.n)
        .sort((a, b) => a - b);
    const ns = async (filter: Record<string, unknown>) =>
      (await users.find(filter).toArray()).map((d) => d.n).sort((a, b) => a - b);
    expect(await ns({ tenant: { $in: ['t0', 't2'] } })).toEqual(scan((d) => d.tenant === 't0' || d.tenant === 't2'));
    expect(await ns({ tenant: 't1', age: { $in: [1, 3, 99] } })).toEqual(
      scan((d) => d.tenant === 't1' && [1, 3].includes(d.age)),
    );
    // the index answers tenant and age; the rest of the filter is still matched
    expect(await ns({ tenant: 't1', age: { $in: [1, 3] }, n: { $gt: 40 } })).toEqual(
      scan((d) => d.tenant === 't1' && [1, 3].includes(d.age) && d.n > 40),
    );
    expect(await ns({ tags: { $in: ['g1', 'g3'] } })).toEqual(
      scan((d) => d.tags.includes('g1') || d.tags.includes('g3')),
    );
    const grouped = await users
      .aggregate([
        { $match: { tenant: { $in: ['t0', 't1'] }, age: { $gte: 2 } } },
        { $group: { _id: '$tenant', n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(grouped).toEqual(
      ['t0', 't1'].map((t) => ({ _id: t, n: all.filter((d) => d.tenant === t && d.age >= 2).length })),
    );
  });

  it('says plainly what it does not support', async () => {
    const { User } = models();
    await User.create({ tenant: 'a', email: 'x' });
    await expect(User.find({ $text: { $search: '奶茶' } })).rejects.toThrow(/minimongod .* does not support \$text/);
    await expect(
      conn
        .collection('users')
        .aggregate([{ $changeStream: {} }])
        .toArray(),
    ).rejects.toThrow(/does not support the \$changeStream/);
    await expect(conn.db!.command({ fsync: 1 })).rejects.toThrow(/no such command: 'fsync'/);
  });
});
