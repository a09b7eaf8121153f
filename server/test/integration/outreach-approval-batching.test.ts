// Approving identical drafts one by one: while drafts like the one approved (same scenario, day and text) still wait
// for the owner, it is held; the last approval sends them all as one WeCom group-send task per staff member, and
// whatever is still held when the window ends goes then, together — not one task per customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDraft, approveDraft, quietHoursAwayFromNow, storedDraft } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { BATCH_WINDOW_MS } from '../../src/modules/outreach/draft.service.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
  await quietHoursAwayFromNow(w);
});
afterAll(() => w.close());

const reject = (id: string) =>
  w.app.request(`/api/outreach/drafts/${id}/reject`, { token: w.tenant.tokens.owner, body: {} });

/** Customers who added a staff member on WeCom, each with a pending draft of this scenario and text. */
async function draftsFor(names: string[], scenario: string, text: string) {
  const ids: string[] = [];
  const externalIds: string[] = [];
  for (const [i, name] of names.entries()) {
    const follower = (i % 2 ? w.tenant.people.manager : w.tenant.people.staff).wecomUserId;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, follower, { name });
    externalIds.push(externalUserId);
  }
  await w.drain();
  for (const externalId of externalIds) {
    const c = await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalId);
    ids.push(await addDraft(w, c!._id, scenario, text));
  }
  return { ids, externalIds };
}

const tasksWith = (text: string) => w.standin.state.groupSendTasks.filter((t) => t.text === text);

describe('approving identical drafts one by one', () => {
  it('holds each while others like it wait, then sends one task per staff member with the last approval', async () => {
    const text = '好久不见～本周回店饮品第二杯半价';
    const { ids, externalIds } = await draftsFor(['老客甲', '老客乙', '老客丙', '老客丁'], 'dormant_winback', text);
    for (const id of ids.slice(0, 3)) {
      const res = await approveDraft(w, id);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('approved');
      expect(res.body.audit.at(-1).action).toBe('held_for_batch');
    }
    expect(tasksWith(text)).toEqual([]);
    const last = await approveDraft(w, ids[3]!);
    expect(last.body.status).toBe('sent');
    const made = tasksWith(text);
    expect(made.map((t) => t.sender).sort()).toEqual(
      [w.tenant.people.staff.wecomUserId, w.tenant.people.manager.wecomUserId].sort(),
    );
    expect(made.flatMap((t) => t.externalUserIds).sort()).toEqual([...externalIds].sort());
    const drafts = await Promise.all(ids.map((id) => storedDraft(w, id)));
    expect(drafts.every((d) => d!.status === 'sent')).toBe(true);
    expect(new Set(drafts.map((d) => String(d!.groupSendId))).size).toBe(2);
  });

  it('sends a draft with its own text at once', async () => {
    const { ids } = await draftsFor(['生日客'], 'birthday', '生日快乐，送您一杯招牌奶茶～');
    await draftsFor(['另一位生日客'], 'birthday', '另一段不同的祝福');
    const res = await approveDraft(w, ids[0]!);
    expect(res.body.status).toBe('sent');
    expect(tasksWith('生日快乐，送您一杯招牌奶茶～')).toHaveLength(1);
  });

  it('sends what is still held when the window ends, together, when the owner stops midway', async () => {
    const text = '周末新品试饮，欢迎来尝尝';
    const { ids } = await draftsFor(['试饮甲', '试饮丙', '试饮乙'], 'dormant_winback', text);
    // 试饮甲 and 试饮乙 follow the same staff member; the owner approves them and never gets to 试饮丙
    await approveDraft(w, ids[0]!);
    await approveDraft(w, ids[2]!);
    expect(tasksWith(text)).toEqual([]);
    await w.app.container.outreach.drafts.resumeInterrupted(new Date(Date.now() + BATCH_WINDOW_MS + 60_000));
    const made = tasksWith(text);
    expect(made).toHaveLength(1);
    expect(made[0]!.externalUserIds).toHaveLength(2);
    expect((await storedDraft(w, ids[1]!))!.status).toBe('pending');
    // the hold was for the batch, not quiet hours: its audit says so
    const notes = (await storedDraft(w, ids[0]!))!.audit.map((a) => a.note ?? '');
    expect(notes).toContain('同类草稿等待已满一小时，开始发送');
    expect(notes.some((n) => n.includes('免打扰'))).toBe(false);
  });

  it('sends the held ones at once when the last one like it is rejected', async () => {
    const text = '会员日满减，别错过';
    const { ids } = await draftsFor(['会员甲', '会员乙'], 'dormant_winback', text);
    await approveDraft(w, ids[0]!);
    expect(tasksWith(text)).toEqual([]);
    expect((await reject(ids[1]!)).status).toBe(200);
    // nothing is left to wait for: the held one goes now, not when the window ends
    expect(tasksWith(text)).toHaveLength(1);
    expect((await storedDraft(w, ids[0]!))!.status).toBe('sent');
    expect((await storedDraft(w, ids[1]!))!.status).toBe('rejected');
  });

  it('keeps holding while another one like it still waits after a rejection', async () => {
    const text = '店庆三天，全场九折';
    const { ids } = await draftsFor(['店庆甲', '店庆乙', '店庆丙'], 'dormant_winback', text);
    await approveDraft(w, ids[0]!);
    await reject(ids[1]!);
    expect(tasksWith(text)).toEqual([]);
    expect((await storedDraft(w, ids[0]!))!.audit.at(-1)!.action).toBe('held_for_batch');
  });
});
