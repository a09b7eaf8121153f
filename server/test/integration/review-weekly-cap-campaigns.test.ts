// Review: the weekly cap is per customer across every proactive message. A campaign (群发) counts the customer's
// drafts and campaign tasks alike (campaign-audience.ts), but a draft approved later counts only drafts
// (send-policy.ts decideAtSend → DraftRepository.countSentSince; the scenario scan's policyVerdict likewise reads only
// drafts), so a customer who got this week's allowance as a campaign is messaged again by the next draft.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SUPPRESSION_REASONS } from '@xiaoer/common/constants/outreach';
import { buildCustomer } from '../support/factories.js';
import {
  addDraft,
  approveDraft,
  quietHoursAwayFromNow,
  reached,
  setContactPolicy,
  storedDraft,
} from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

it('a draft approved after a campaign reached the customer this week respects the weekly cap', async () => {
  await quietHoursAwayFromNow(w);
  await setContactPolicy(w, { perWeek: 1 });
  const customer = await buildCustomer(w.app.container, w.tenant.merchantId, {
    name: '收过群发的',
    tags: ['周末活动'],
    followStaffIds: [w.tenant.people.staff._id],
  });
  const sent = await w.app.request('/api/campaigns/send', {
    token: w.tenant.tokens.manager,
    body: { audience: { tags: ['周末活动'] }, text: '周末第二杯半价', key: 'review-cap-0001' },
  });
  expect(sent.status).toBe(201);
  expect(reached(w, customer.externalUserId!).groupSends).toBe(1);
  // the campaign went out two days ago (so WeCom's own one-a-day cap is not what stops the next message)
  // (straight on the collection: mongoose keeps createdAt immutable)
  const repo = w.app.container.repositories.groupSends as unknown as {
    model: { collection: { updateMany(f: object, u: object): Promise<unknown> } };
  };
  await repo.model.collection.updateMany({}, { $set: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });

  const draftId = await addDraft(w, customer._id, 'dormant_winback', '好久不见～');
  expect((await approveDraft(w, draftId)).status).toBe(200);
  const draft = await storedDraft(w, draftId);
  expect(draft?.status).toBe('cancelled');
  expect(JSON.stringify(draft?.audit)).toContain(SUPPRESSION_REASONS.weekly_cap);
  expect(reached(w, customer.externalUserId!).groupSends).toBe(1);
});
