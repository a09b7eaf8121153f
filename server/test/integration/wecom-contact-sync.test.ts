import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp({ role: 'all' });
});
afterAll(() => w.close());

function seedContacts(userid: string, count: number, prefix: string) {
  for (let i = 0; i < count; i++) {
    const externalUserId = `${prefix}${String(i).padStart(4, '0')}`;
    w.standin.state.contacts.set(externalUserId, {
      externalUserId,
      name: `老客${prefix}${i}`,
      avatar: '',
      gender: 2,
      followers: new Map([
        [
          userid,
          { remark: '', createtime: 1_750_000_000 + i, tagIds: [], state: i % 2 ? 'receipt:x' : undefined, addWay: 1 },
        ],
      ]),
    });
  }
}

describe('onboarding sync of existing customers', () => {
  it('brings in every customer, and resumes from the saved page after a failure instead of starting over', async () => {
    seedContacts(w.tenant.people.staff.wecomUserId, 250, 'wmS');
    seedContacts(w.tenant.people.manager.wecomUserId, 30, 'wmM');
    const app = (await w.app.container.wecom.apps.findByCorpId(w.corpId))!;
    const calls = () => w.standin.state.calls.get('/cgi-bin/externalcontact/batch/get_by_user') ?? 0;
    const before = calls();

    // the second page fails with an errcode the client does not retry (the served-page counter skips it)
    let page = 0;
    const original = w.standin.call.bind(w.standin);
    w.standin.call = (method, path, query, body) => {
      if (path === '/cgi-bin/externalcontact/batch/get_by_user' && ++page === 2)
        return { errcode: 60020, errmsg: 'not allow to access from your ip' };
      return original(method, path, query, body);
    };
    await expect(w.app.container.contactSync.run(app)).rejects.toThrow(/60020/);
    w.standin.call = original;
    const [progress] = await w.app.container.contactSync.history(w.tenant.merchantId);
    expect(progress).toMatchObject({ status: 'running', batchIndex: 0, synced: 100 });

    const result = await w.app.container.contactSync.run(app);
    expect(result.synced).toBe(280);
    // 280 contacts at 100 a page: each of the 3 pages was served exactly once (page 1 was not fetched again)
    expect(calls() - before).toBe(3);
    expect(
      await w.app.container.repositories.customers.count(w.tenant.merchantId, {
        externalUserId: { $regex: '^wm[SM]' },
      }),
    ).toBe(280);
    const one = await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, 'wmS0001');
    expect(one).toMatchObject({ name: '老客wmS1', gender: 'female', sourceChannel: 'receipt' });
    expect(one!.firstContactAt.getTime()).toBe((1_750_000_000 + 1) * 1000);
    const runs = await w.app.container.contactSync.history(w.tenant.merchantId);
    expect(runs.map((r) => r.status)).toEqual(['done']);
    expect(runs[0]).toMatchObject({ synced: 280 });
    // 280 customers written one upsert each: a loaded 2-core machine needs well over the default 20 s
  }, 90_000);

  it('starts from the owner endpoint as a background job', async () => {
    const doneRuns = async () =>
      (await w.app.container.contactSync.history(w.tenant.merchantId)).filter((r) => r.status === 'done').length;
    const res = await w.app.request('/api/wecom/contact-sync', { method: 'POST', token: w.tenant.tokens.owner });
    expect(res.status).toBe(202);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await doneRuns()) < 2) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await doneRuns()).toBe(2);
    expect(
      (await w.app.request('/api/wecom/contact-sync', { method: 'POST', token: w.tenant.tokens.manager })).status,
    ).toBe(403);
  }, 90_000);
});
