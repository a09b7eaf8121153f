// Work that was claimed but not finished is finished later, once: an approved draft whose sending was interrupted
// is picked up after its lease by one worker (微信客服 with the same msgid, the group-send task found by its key — never
// a second one), and a morning summary WeCom refused is sent again the same morning, once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MorningSummaryRepository } from '../../src/modules/ai/morning-summary.repository.js';
import { WecomTransportError } from '../../src/modules/wecom/api/wecom-errors.js';
import { approveDraft, customerWithDraft, reached, storedDraft } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const MINUTE = 60_000;
const approve = (id: string) => approveDraft(w, id);
const resume = (at: Date) => w.app.container.outreach.drafts.resumeInterrupted(at);
const inTenMinutes = () => new Date(Date.now() + 10 * MINUTE);

/** Replaces a method for the first call only: the real one runs, then the caller sees `error` (the answer was lost). */
function failAfterFirstCall<T extends object, K extends keyof T>(target: T, key: K, error: () => Error) {
  const real = (target[key] as (...args: unknown[]) => Promise<unknown>).bind(target);
  target[key] = (async (...args: unknown[]) => {
    target[key] = real as T[K];
    await real(...args);
    throw error();
  }) as T[K];
}

describe('an approved draft whose sending was interrupted', () => {
  it('is a recurring job', () => {
    expect(w.app.container.jobDefinitions.find((j) => j.name === 'outreach.resume-drafts')?.every).toBeTruthy();
  });

  it('is sent after its lease by one of two workers, and the group-send task is created once', async () => {
    const c = await customerWithDraft(w, '群发时断了');
    // WeCom made the task and we stored it, then the process lost its database before the draft was marked
    failAfterFirstCall(w.app.container.groupSends, 'create', () => new Error('connection reset'));
    const res = await approve(c.draftId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 1 });

    expect(await resume(new Date())).toBe(0); // still within its lease
    const counts = await Promise.all([resume(inTenMinutes()), resume(inTenMinutes())]);
    expect(counts.sort()).toEqual([0, 1]);
    const stored = await storedDraft(w, c.draftId);
    expect(stored).toMatchObject({ status: 'sent' });
    expect(stored!.audit.map((a: { action: string }) => a.action)).toEqual([
      'drafted',
      'approved',
      'group_send_requested',
      'dispatch_resumed',
      'group_send_created',
    ]);
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 1 });
    expect(await resume(new Date(Date.now() + 60 * MINUTE))).toBe(0);
  });

  it('resends on 微信客服 with the same msgid, so the customer gets it once', async () => {
    const c = await customerWithDraft(w, '客服发送时断了');
    await w.kfCustomerWrites(c.externalUserId, '在吗');
    failAfterFirstCall(w.app.container.kf, 'sendText', () => new Error('socket hang up'));
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'approved' });
    expect(await resume(inTenMinutes())).toBe(1);
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'delivered' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [c.text], groupSends: 0 });
  });

  /**
   * The customer's 48 hours run out (they last wrote three days ago). The window is read from the wall clock and a
   * customer's last message only moves forward, so the passing of two days is written onto the session.
   */
  const closeWindow = (externalUserId: string) =>
    w.app.container.mongo
      // eslint-disable-next-line test-boundary/no-raw-collections -- two days pass between approval and resumption
      .collection('kf_sessions')
      .updateMany({ externalUserId }, { $set: { lastCustomerMessageAt: new Date(Date.now() - 3 * 86_400_000) } });

  it('counts a 微信客服 send recorded as sent as delivered, even once the window has closed', async () => {
    const c = await customerWithDraft(w, '客服发出去了，回音丢了');
    await w.kfCustomerWrites(c.externalUserId, '在吗');
    failAfterFirstCall(w.app.container.kf, 'sendText', () => new Error('socket hang up'));
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'approved' });
    await closeWindow(c.externalUserId);
    expect(await resume(inTenMinutes())).toBe(1);
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'delivered' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [c.text], groupSends: 0 });
  });

  it('does not turn a 微信客服 send it cannot confirm into a group send once the window has closed', async () => {
    const c = await customerWithDraft(w, '客服发出去了但没回音');
    await w.kfCustomerWrites(c.externalUserId, '在吗');
    // WeCom delivered it, but its answer never arrived (so our record of the send says the outcome is unknown)
    failAfterFirstCall(w.app.container.wecom.kfApi, 'sendText', () => new Error('socket hang up'));
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'approved' });
    await closeWindow(c.externalUserId);
    expect(await resume(inTenMinutes())).toBe(1);
    const stored = await storedDraft(w, c.draftId);
    expect(stored).toMatchObject({ status: 'failed' });
    expect(stored!.error).toContain('请在微信客服的聊天记录里确认');
    expect(reached(w, c.externalUserId)).toEqual({ kf: [c.text], groupSends: 0 });
  });

  it('never creates a second task when it cannot tell whether WeCom made the first', async () => {
    const c = await customerWithDraft(w, '不知道建没建');
    // WeCom created the task, but its answer never arrived
    const client = w.app.container.wecom.client;
    const post = client.post.bind(client);
    client.post = (async (app: Parameters<typeof post>[0], path: string, body: Parameters<typeof post>[2]) => {
      const answer = await post(app, path, body);
      if (path !== '/cgi-bin/externalcontact/add_msg_template') return answer;
      client.post = post;
      throw new WecomTransportError(`WeCom ${path} unreachable: timeout`);
    }) as typeof client.post;
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'approved' });
    expect(await resume(inTenMinutes())).toBe(1);
    const stored = await storedDraft(w, c.draftId);
    expect(stored).toMatchObject({ status: 'failed' });
    expect(stored!.error).toContain('请在企业微信的客户群发记录里确认');
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 1 });
  });

  it('does not send a draft whose sending stopped more than a day ago', async () => {
    const c = await customerWithDraft(w, '很久以前批的');
    // approved, and the process lost its database before WeCom was asked; nothing resumes it for two days
    // (drafts approved before leases existed, known only by their audit trail: draft-lease.test.ts)
    const groupSends = w.app.container.groupSends;
    const create = groupSends.create.bind(groupSends);
    groupSends.create = async () => {
      groupSends.create = create;
      throw new Error('connection reset');
    };
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'approved' });
    expect(await resume(new Date(Date.now() + 2 * 86_400_000))).toBe(1);
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'failed', error: '发送中断已超过一天，没有补发' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });
});

describe('the morning summary', () => {
  it('is sent again the same morning when WeCom refused it, and only once', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(tomorrow);
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
    await w.app.container.ai.decisions.record(w.tenant.merchantId, {
      channel: 'kf',
      externalUserId: 'wmNightOwl',
      question: '几点开门',
      intent: 'hours',
      citedIds: [],
      violations: [],
      engine: 'offline',
      action: 'sent',
      reason: 'hours',
      at: at('02:00'),
    });
    const summary = w.app.container.ai.morningSummary;
    const cards = () =>
      w.standin.state.appMessages
        .filter((m) => JSON.stringify(m.content).includes('夜间客服小结'))
        .map((m) => m.touser)
        .sort();

    w.standin.state.injectError('/cgi-bin/message/send', 60020);
    await expect(summary.runFor(w.tenant.merchantId, at('08:30'))).rejects.toThrow();
    expect(cards()).toEqual([]);
    const retries = await Promise.all([0, 1].map(() => summary.runFor(w.tenant.merchantId, at('08:40'))));
    expect(retries.filter(Boolean)).toHaveLength(1);
    expect(await summary.runFor(w.tenant.merchantId, at('08:50'))).toBe(false);
    expect(cards()).toEqual([w.tenant.people.manager.wecomUserId, w.tenant.people.owner.wecomUserId].sort());
  });

  it('is not shown twice when the worker died after WeCom accepted it, before the day was marked done', async () => {
    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(dayAfter);
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
    // a night unlike the test's above (one answered, one handed over), so its card is not the same text
    for (const action of ['sent', 'handoff'] as const)
      await w.app.container.ai.decisions.record(w.tenant.merchantId, {
        channel: 'kf',
        externalUserId: `wmNightOwl-${action}`,
        question: '还营业吗',
        intent: 'hours',
        citedIds: [],
        violations: [],
        engine: 'offline',
        action,
        reason: 'hours',
        at: at('01:00'),
      });
    // the decision log is written in group commits: wait until the night's answer is stored
    const night = { from: at('00:00'), to: at('08:00') };
    await vi.waitFor(async () =>
      expect(await w.app.container.ai.decisions.inRange(w.tenant.merchantId, night)).toHaveLength(2),
    );
    const summary = w.app.container.ai.morningSummary;
    const cards = () =>
      w.standin.state.appMessages.filter((m) => JSON.stringify(m.content).includes('夜间客服小结')).length;
    const before = cards();
    // the card reached WeCom, then the process died before recording the day as done
    const died = vi.spyOn(MorningSummaryRepository.prototype, 'done').mockRejectedValueOnce(new Error('SIGKILL'));
    await expect(summary.runFor(w.tenant.merchantId, at('08:30'))).rejects.toThrow('SIGKILL');
    died.mockRestore();
    expect(cards() - before).toBe(2); // owner and manager
    // once the dead worker's lease is over, the next tick claims the day again and sends the same card: WeCom's
    // duplicate check drops it, so nobody sees it twice
    expect(await summary.runFor(w.tenant.merchantId, at('09:30'))).toBe(true);
    expect(cards() - before).toBe(2);
    expect(await summary.runFor(w.tenant.merchantId, at('09:40'))).toBe(false);
  });
});
