// The owner's "existing customers" step: the WeCom contact sync with its progress read from MongoDB (any process,
// any reload), stopped by WeCom with the reason in Chinese and resumed; and the shop's member list imported as a
// spreadsheet through the intake (kind `members`), matched by phone or member number so later orders find them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  // api role: no worker picks the queued job up, so the test runs each attempt itself and reads what the page reads
  w = await startWecomTestApp({ role: 'api' });
});
afterAll(() => w.close());

function seedContacts(userid: string, count: number, prefix: string) {
  for (let i = 0; i < count; i++) {
    const externalUserId = `${prefix}${String(i).padStart(4, '0')}`;
    w.standin.state.contacts.set(externalUserId, {
      externalUserId,
      name: `老客${prefix}${i}`,
      avatar: '',
      gender: 1,
      followers: new Map([[userid, { remark: '', createtime: 1_750_000_000 + i, tagIds: [], addWay: 1 }]]),
    });
  }
}

const status = async (token = w.tenant.tokens.owner) => {
  const res = await w.app.request('/api/wecom/contact-sync', { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { run: Record<string, unknown> | null; customers: number };
};

describe('existing customers: the WeCom contact sync', () => {
  it('shows done of total from the saved run, WeCom stopping it in Chinese, and resumes without doubling', async () => {
    expect((await status()).run).toBeNull();
    seedContacts(w.tenant.people.staff.wecomUserId, 150, 'wmEx');
    const started = await w.app.request('/api/wecom/contact-sync', { method: 'POST', token: w.tenant.tokens.owner });
    expect(started.status).toBe(202);
    expect(started.body.run).toMatchObject({ status: 'running', done: 0, total: null });
    // a second tap joins the same run
    await w.app.request('/api/wecom/contact-sync', { method: 'POST', token: w.tenant.tokens.owner });
    expect(await w.app.container.contactSync.history(w.tenant.merchantId)).toHaveLength(1);

    let page = 0;
    const original = w.standin.call.bind(w.standin);
    w.standin.call = (method, path, query, body) => {
      if (path === '/cgi-bin/externalcontact/batch/get_by_user' && ++page === 2)
        return { errcode: 60020, errmsg: 'not allow to access from your ip' };
      return original(method, path, query, body);
    };
    const app = (await w.app.container.wecom.apps.findByCorpId(w.corpId))!;
    await expect(w.app.container.contactSync.run(app)).rejects.toThrow(/60020/);
    w.standin.call = original;

    // what any page (or process) reads now: from MongoDB, not from the worker that ran it
    const stopped = await status();
    expect(stopped.run).toMatchObject({ status: 'running', done: 100, total: 150 });
    expect(stopped.run!.error).toMatchObject({ message: expect.stringContaining('可信 IP') });
    expect(String((stopped.run!.error as { fix: string }).fix)).toContain('企业可信IP');

    await w.app.container.contactSync.run(app);
    const done = await status();
    expect(done.run).toMatchObject({ status: 'done', done: 150, total: 150 });
    expect(done.run!.error).toBeUndefined();
    expect(done.run!.finishedAt).toEqual(expect.any(String));

    // a re-run after it finished brings the same customers again, not a second copy
    const before = await w.app.container.repositories.customers.count(w.tenant.merchantId);
    await w.app.request('/api/wecom/contact-sync', { method: 'POST', token: w.tenant.tokens.owner });
    await w.app.container.contactSync.run(app);
    expect(await w.app.container.repositories.customers.count(w.tenant.merchantId)).toBe(before);
    expect((await status()).run).toMatchObject({ status: 'done', done: 150, total: 150 });
  });

  it('is started by the owner only, and another merchant sees only its own', async () => {
    expect(
      (await w.app.request('/api/wecom/contact-sync', { method: 'POST', token: w.tenant.tokens.manager })).status,
    ).toBe(403);
    const other = await w.addMerchant();
    const theirs = await status(other.tenant.tokens.owner);
    expect(theirs.run).toBeNull();
  });
});

const importMembers = (csv: string, token = w.tenant.tokens.owner, dryRun = false) =>
  w.app.request('/api/intake/members/import', { token, body: { format: 'csv', content: csv, dryRun } });

describe('existing customers: the member list', () => {
  it('matches customers by phone or member number, creates the rest, and later orders find them', async () => {
    const { merchantId } = w.tenant;
    const customers = w.app.container.repositories.customers;
    const wecomCustomer = (await customers.findByExternalUserId(merchantId, 'wmEx0001'))!;
    await customers.update(merchantId, String(wecomCustomer._id), { phone: '13900000001' });
    const csv = [
      '姓名,手机号,会员号,生日,储值余额,积分',
      '王芳,13900000001,VIP-001,1990/5/12,120.50,300',
      '李雷,13900000002,VIP-002,5月3日,,0',
      '韩梅梅,13900000003,,1988-01-20,50,',
      '坏号码,1390000,VIP-004,,,',
      '没联系方式,,,,,',
      '负积分,13900000006,,,,-5',
    ].join('\n');

    const preview = await importMembers(csv, w.tenant.tokens.owner, true);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: 2, updated: 1 });
    expect(await customers.count(merchantId, { memberNo: 'VIP-002' })).toBe(0);

    const res = await importMembers(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ received: 6, created: 2, updated: 1 });
    expect(res.body.failed).toEqual([
      { row: 5, errors: { phone: '手机号格式不正确（11 位数字，1 开头）' } },
      { row: 6, errors: { externalId: '缺少会员号或手机号' } },
      { row: 7, errors: { points: '积分不能为负' } },
    ]);

    // the WeCom contact keeps its WeCom name and gains the list's phone, member number, birthday and points
    const matched = (await customers.findByExternalUserId(merchantId, 'wmEx0001'))!;
    expect(matched).toMatchObject({
      name: wecomCustomer.name,
      memberNo: 'VIP-001',
      birthday: '1990-05-12',
      birthdayMonthDay: '05-12',
      points: 300,
      contactStatus: 'active',
    });
    const [li] = (await customers.list(merchantId, { q: '李雷', limit: 5 })).items;
    expect(li).toMatchObject({ phone: '13900000002', memberNo: 'VIP-002', birthday: '1900-05-03', points: 0 });
    expect(li!.contactStatus).toBe('not_contact');
    expect(li!.externalUserId).toBeUndefined();

    // the card balance became the member's stored-value card
    const cards = await w.app.container.shopData.cards.heldByCustomers(merchantId, 50);
    expect(cards.find((c) => c.externalId === 'VIP-001')).toMatchObject({ balance: 12050, customerId: matched._id });

    // importing the same list again changes nothing
    const again = await importMembers(csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });

    // a later order naming the member's phone, and an appointment naming the member number, find the customer
    const order = await w.app.request('/api/intake/orders', {
      token: w.tenant.tokens.manager,
      body: {
        orders: [
          {
            externalId: 'POS-M-1',
            placedAt: '2026-11-20T12:00:00+08:00',
            channel: '堂食',
            amount: 1800,
            customer: { phone: '13900000003' },
          },
        ],
      },
    });
    expect(order.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
    const appointment = await w.app.request('/api/intake/appointments', {
      token: w.tenant.tokens.manager,
      body: {
        appointments: [
          {
            externalId: 'BK-M-1',
            service: '洗剪吹',
            startAt: '2026-11-21T10:00:00+08:00',
            customer: { memberNo: 'VIP-002' },
          },
        ],
      },
    });
    expect(appointment.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  });

  it("keeps each merchant's members apart: the same phone elsewhere is another merchant's customer", async () => {
    const other = await w.addMerchant();
    const res = await importMembers('姓名,手机号\n别家顾客,13900000001', other.tenant.tokens.owner);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    const mine = (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, 'wmEx0001'))!;
    expect(mine.name).not.toBe('别家顾客');
    expect(await w.app.container.repositories.customers.count(other.tenant.merchantId, { phone: '13900000001' })).toBe(
      1,
    );
  });

  it('refuses a sheet past the row limit, and a sheet without the name column, before storing anything', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => `会员${i},139${String(i).padStart(8, '0')}`);
    const big = await importMembers(['姓名,手机号', ...rows].join('\n'));
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.body)).toContain('一次最多导入 2000 行，请分批导入');
    const noName = await importMembers('手机号,会员号\n13900000009,VIP-9');
    expect(noName.status).toBe(400);
    expect(JSON.stringify(noName.body)).toContain('表格里没有找到「姓名」列');
    expect(await w.app.container.repositories.customers.count(w.tenant.merchantId, { memberNo: 'VIP-9' })).toBe(0);
  });
});
