// A customer message the bot reaches only after the customer has written KF_BURST_ANSWERED newer ones gets no answer
// of its own (the bot answers where the customer got to). Only newer words count: pictures, stickers and voice after
// a question do not make it stale. Driven through the WeCom stand-in (callbacks, sync_msg, send_msg).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { KF_BURST_ANSWERED } from '../../src/modules/conversations/kf-events.handler.js';
import { BOT_HISTORY } from '../../src/modules/conversations/kf.service.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const QUESTION = '杨枝甘露多少钱';

beforeAll(async () => {
  w = await startWecomTestApp({ autoReply: 'always' });
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(() => w.close());

const openKfId = () => w.credentials.kfAccounts[0]!.openKfId;

/** The customer sends something that is not words (kept for sync_msg; the next notice brings it in). */
function sendsNonText(externalUserId: string, msgtype: 'image' | 'voice' | 'emotion') {
  const { state } = w.standin;
  state.kfMessages.push({
    msgid: state.id('kfmsg', 10),
    openKfId: openKfId(),
    externalUserId,
    sendTime: Math.floor(state.now() / 1000),
    origin: 3,
    msgtype,
  });
}

/** What became of the customer's question in the inbox, and whether the bot answered the customer at all. */
async function outcome(externalUserId: string) {
  const { wecom, kfRepository } = w.app.container;
  const conversation = await kfRepository.conversation(w.tenant.merchantId, externalUserId, 1000);
  const question = conversation.find((m) => m.direction === 'in' && m.text === QUESTION);
  const lane = await wecom.inbox.lane(w.tenant.merchantId, `kf:${openKfId()}:${externalUserId}`);
  const event = lane.find((e) => e.payload.messageId === String(question!._id));
  const answers = w.standin.state.kfSent.filter((m) => m.touser === externalUserId);
  return { event, answers };
}

const nonText = ['image', 'emotion', 'voice'] as const;

describe('superseded customer messages', () => {
  it('answers a question followed by pictures, stickers and voice, whether they are many or few', async () => {
    // A few (the question is among the customer's latest messages) and many (it is not).
    for (const [externalUserId, count] of [
      ['wmPictures', KF_BURST_ANSWERED + 1],
      ['wmManyPictures', BOT_HISTORY + 2],
    ] as const) {
      await w.standin.customers.writesToKf(openKfId(), externalUserId, QUESTION);
      for (let i = 0; i < count; i++) sendsNonText(externalUserId, nonText[i % nonText.length]!);
      await w.drain();

      const { event, answers } = await outcome(externalUserId);
      expect(event).toMatchObject({ status: 'done' });
      expect(event!.result?.skipped, externalUserId).toBeUndefined();
      expect(answers.length).toBeGreaterThan(0);
    }
  });

  it('still passes by a question the customer has followed with enough newer words, pictures in between', async () => {
    const externalUserId = 'wmWordsAndPictures';
    await w.standin.customers.writesToKf(openKfId(), externalUserId, QUESTION);
    for (let i = 0; i < KF_BURST_ANSWERED; i++) {
      sendsNonText(externalUserId, 'image');
      sendsNonText(externalUserId, 'emotion');
      await w.standin.customers.writesToKf(openKfId(), externalUserId, `还有一件事${i}`);
    }
    await w.drain();

    const { event } = await outcome(externalUserId);
    expect(event).toMatchObject({ status: 'done', result: { skipped: 'superseded' } });
  });
});
