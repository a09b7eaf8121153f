// What the soak asserts after the run, from what WeCom (the stand-in) saw and what the database holds.
import type { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import type { Connection } from 'mongoose';
import type { CustomerMessage, SoakCustomer } from './customers.js';
import type { GroupSendRun } from './group-sends.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface AnsweredMessage extends CustomerMessage {
  /** when the stand-in received each of our replies to it */
  replyTimes: number[];
}

const sample = (items: string[]) => items.slice(0, 5).join('; ') + (items.length > 5 ? ` … (${items.length})` : '');
const countBy = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

/**
 * Which customer message each of our kf/send_msg replies answers. A reply whose text is the expected answer to
 * exactly one of the customer's questions belongs to that question (each customer asks different questions, and
 * the soak only asks questions with distinct answers); any other reply (a handover) belongs to the customer's latest
 * message written before it arrived.
 */
export function attributeReplies(standin: WecomStandIn, customers: SoakCustomer[], expected: Map<string, string>) {
  const byCustomer = new Map(
    customers.map((c) => [c.externalUserId, c.messages.map((m): AnsweredMessage => ({ ...m, replyTimes: [] }))]),
  );
  let byTime = 0;
  let strangers = 0;
  for (const reply of standin.state.kfSent) {
    const messages = byCustomer.get(reply.touser);
    if (!messages) {
      strangers++;
      continue;
    }
    const text = (reply.content as { content?: string } | undefined)?.content;
    const byText = messages.filter((m) => expected.get(m.text) === text);
    const target = byText.length === 1 ? byText[0] : messages.findLast((m) => m.writtenAt <= reply.at);
    if (byText.length !== 1) byTime++;
    target?.replyTimes.push(reply.at);
  }
  return { messages: [...byCustomer.values()].flat(), byTime, strangers };
}

export interface VerifyInput {
  standin: WecomStandIn;
  db: Connection;
  customers: SoakCustomer[];
  answered: AnsweredMessage[];
  groupSends: GroupSendRun[];
  /** the soak's start: times in the details are seconds since then, as in its log */
  started: number;
}

export async function verify(input: VerifyInput): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, problems: string[], okDetail: string) =>
    checks.push({ name, ok: problems.length === 0, detail: problems.length ? sample(problems) : okDetail });
  const at = (ms: number) => `${((ms - input.started) / 1000).toFixed(1)} s`;
  const { standin, db, answered } = input;

  // Every message a customer wrote is stored exactly once (the unique msgid index forbids twice; lost is the risk).
  const written = standin.state.kfMessages.filter((m) => m.origin === 3).map((m) => m.msgid);
  const storedDocs = await db
    .collection('messages')
    .find({ wecomMsgId: { $in: written } }, { projection: { wecomMsgId: 1 } })
    .toArray();
  const stored = countBy(storedDocs.map((d) => String(d.wecomMsgId)));
  check(
    'every 微信客服 message stored exactly once',
    [
      ...answered.filter((m) => !stored.has(m.msgid)).map((m) => `「${m.text}」 of ${at(m.writtenAt)} not stored`),
      ...[...stored].filter(([, n]) => n > 1).map(([id, n]) => `${id} stored ${n} times`),
    ],
    `${written.length} messages, each stored once`,
  );

  // No message answered twice, and every stored one answered (the bot answers, or hands over with a reply, to
  // every question the soak asks).
  check(
    'no message answered twice',
    answered
      .filter((m) => m.replyTimes.length > 1)
      .map((m) => `${m.externalUserId} 「${m.text}」 (${at(m.writtenAt)}) answered ${m.replyTimes.map(at).join(', ')}`),
    `${answered.filter((m) => m.replyTimes.length === 1).length} of ${answered.length} answered once, none twice`,
  );
  const silent = answered.filter((m) => stored.has(m.msgid) && !m.replyTimes.length);
  const decisions = await db
    .collection('ai_decisions')
    .find({ externalUserId: { $in: silent.map((m) => m.externalUserId) } })
    .toArray();
  check(
    'every stored message answered',
    silent.map((m) => {
      const d = decisions.find((x) => x.externalUserId === m.externalUserId && x.question === m.text);
      const decided = d ? `${d.action} (${d.reason})` : 'no bot decision';
      return `${m.externalUserId} 「${m.text}」 at ${at(m.writtenAt)}: ${decided}`;
    }),
    `${stored.size} stored, all answered`,
  );

  await checkContacts(input, check, at);
  await checkInbox(db, check);
  await checkGroupSends(input, check);
  return checks;
}

type CheckFn = (name: string, problems: string[], okDetail: string) => void;

/** Every new contact welcomed exactly once, and recorded as one customer. */
async function checkContacts({ standin, db, customers }: VerifyInput, check: CheckFn, at: (ms: number) => string) {
  const welcomes = countBy(standin.state.welcomeMessages.map((w) => w.externalUserId));
  const unwelcomed = customers.filter((c) => !welcomes.has(c.externalUserId));
  // For those, what the add event's handling recorded: when, after how many attempts, what WeCom said.
  const addEvents = await db
    .collection('wecom_inbox')
    .find({
      kind: 'change_external_contact/add_external_contact',
      'payload.ExternalUserID': { $in: unwelcomed.map((c) => c.externalUserId) },
    })
    .toArray();
  const handling = (c: SoakCustomer) => {
    const e = addEvents.find((x) => x.payload?.ExternalUserID === c.externalUserId);
    if (!e) return 'no add event stored';
    const when = e.doneAt ? `at ${at(e.doneAt.getTime())}` : 'never';
    const outcome = JSON.stringify(e.result?.welcome ?? e.lastError ?? null);
    return `handled ${when} after ${e.attempts} attempt(s): ${outcome}`;
  };
  check(
    'every new contact welcomed exactly once',
    [
      ...unwelcomed.map((c) => `no welcome for ${c.externalUserId}, added at ${at(c.addedAt)}, ${handling(c)}`),
      ...customers
        .filter((c) => (welcomes.get(c.externalUserId) ?? 0) > 1)
        .map((c) => `${c.externalUserId} welcomed ${welcomes.get(c.externalUserId)} times`),
    ],
    `${customers.length} contacts, one welcome each`,
  );
  const ids = customers.map((c) => c.externalUserId);
  const records = await db
    .collection('customers')
    .find({ externalUserId: { $in: ids } }, { projection: { externalUserId: 1 } })
    .toArray();
  const perContact = countBy(records.map((d) => String(d.externalUserId)));
  check(
    'every new contact recorded as one customer',
    ids.filter((id) => perContact.get(id) !== 1).map((id) => `${id}: ${perContact.get(id) ?? 0} records`),
    `${ids.length} customers`,
  );
}

/** Nothing left in the inbox: every event done (none pending, in a lease, or given up as failed). */
async function checkInbox(db: Connection, check: CheckFn) {
  const events = await db
    .collection('wecom_inbox')
    .find({}, { projection: { status: 1, kind: 1 } })
    .toArray();
  const left = ['pending', 'processing', 'failed'].flatMap((status) => {
    const kinds = countBy(events.filter((e) => e.status === status).map((e) => String(e.kind)));
    const n = [...kinds.values()].reduce((a, b) => a + b, 0);
    return n ? [`${n} ${status} (${[...kinds].map(([k, c]) => `${k} ${c}`).join(', ')})`] : [];
  });
  check('nothing left unprocessed in the inbox', left, `${events.length} events, all done`);
}

/** Group sends: created, confirmed by the member, every recipient's result read back and recorded. */
async function checkGroupSends({ db, groupSends }: VerifyInput, check: CheckFn) {
  const tasks = await db
    .collection('group_sends')
    .find({}, { projection: { results: 1 } })
    .toArray();
  const problems = groupSends.flatMap((g) => {
    if (g.error) return [`${g.sender}: ${g.error}`];
    const results = (tasks.find((t) => String(t._id) === g.id)?.results ?? []) as { status: number }[];
    if (!g.recipients || g.delivered !== g.recipients) return [`${g.sender}: ${g.delivered}/${g.recipients} delivered`];
    if (results.length !== g.recipients || results.some((r) => r.status !== 1)) {
      return [`${g.sender}: ${results.length} of ${g.recipients} results recorded`];
    }
    return [];
  });
  if (!groupSends.length) problems.push('no group send ran');
  const recipients = groupSends.reduce((s, g) => s + g.recipients, 0);
  const summary = `${groupSends.length} sends, ${recipients} recipients, all delivered`;
  check('group-send results read back and recorded', problems, summary);
}
