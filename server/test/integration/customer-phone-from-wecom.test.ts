// The phone number a member notes on a WeCom contact (follow_user[].remark_mobiles) becomes the customer's phone when
// the contact is added or edited, so POS orders with that number find the customer; a number the shop typed itself
// is never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const stored = (externalUserId: string) =>
  w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId);

describe('phone from remark_mobiles', () => {
  it('sets the phone of a new contact who has none, and of an edited one later', async () => {
    const userid = w.tenant.people.staff.wecomUserId;
    const added = await w.standin.customers.addsMember(w.corpId, userid, {
      name: '带号码',
      remarkMobiles: ['13800001111'],
    });
    await w.drain();
    expect((await stored(added.externalUserId))!.phone).toBe('13800001111');

    const bare = await w.standin.customers.addsMember(w.corpId, userid, { name: '没号码' });
    await w.drain();
    expect((await stored(bare.externalUserId))!.phone).toBeUndefined();
    await w.standin.customers.editsProfile(w.corpId, userid, bare.externalUserId, {
      remarkMobiles: ['not-a-phone', '13800002222'],
    });
    await w.drain();
    expect((await stored(bare.externalUserId))!.phone).toBe('13800002222');
  });

  it('never overwrites a phone the shop typed', async () => {
    const userid = w.tenant.people.staff.wecomUserId;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, userid, { name: '店里记过' });
    await w.drain();
    const customer = (await stored(externalUserId))!;
    const typed = await w.app.request(`/api/customers/${customer._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.manager,
      body: { phone: '13900003333' },
    });
    expect(typed.status).toBe(200);
    await w.standin.customers.editsProfile(w.corpId, userid, externalUserId, { remarkMobiles: ['13800004444'] });
    await w.drain();
    expect((await stored(externalUserId))!.phone).toBe('13900003333');
  });
});
