// Review: a customer who says 退订 in a voice note (transcribed by the merchant's LLM) must be opted out as if they
// had typed it. auto-reply.service.ts respondToMedia hands the transcribed words to reply(), which never checks the
// opt_out intent — the words go to the engine instead and the customer stays subscribed.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPT_OUT_CONFIRMATION } from '../../src/modules/ai/auto-reply.service.js';
import { amrVoice } from '../support/kf-media-fixtures.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const llm = new LlmStandIn();

beforeAll(async () => {
  await llm.start();
  w = await startWecomTestApp({ autoReply: 'after_hours' });
});
afterAll(async () => {
  await w.close();
  await llm.stop();
});

it('a voice note saying 退订 opts the customer out, like the typed word', async () => {
  const other = await w.addMerchant('always');
  const saved = await w.app.request('/api/ai/llm-settings', {
    method: 'PUT',
    token: other.tenant.tokens.owner,
    body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', speechModel: 'whisper-1' },
  });
  expect(saved.body).toMatchObject({ configured: true, speechModel: 'whisper-1' });
  const { externalUserId } = await w.standin.customers.addsMember(other.corpId, other.tenant.people.staff.wecomUserId, {
    name: '说退订的',
  });
  await w.drain();
  llm.transcripts = [{ content: '退订' }];
  llm.queue = [];
  llm.fallback = () => ({
    content: JSON.stringify({
      reply: '好的～',
      confidence: 0.9,
      needsHuman: false,
      reason: 'chat',
      citedIds: [],
      proposedTags: [],
    }),
  });
  const mediaId = w.standin.customers.sendsMedia(other.corpId, 'voice', amrVoice(1), 'audio/amr');
  await w.standin.customers.sendsToKf(other.openKfId, externalUserId, 'voice', { media_id: mediaId });
  await w.drain();
  expect(llm.seenTranscriptions.length).toBeGreaterThan(0);
  expect(
    await w.app.container.repositories.customers.findByExternalUserId(other.tenant.merchantId, externalUserId),
  ).toMatchObject({ optedOut: true });
  expect(w.standin.state.kfSent.filter((m) => m.touser === externalUserId).map((m) => m.content)).toEqual([
    { content: OPT_OUT_CONFIRMATION },
  ]);
});
