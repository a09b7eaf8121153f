// The customers of the soak, played through the WeCom stand-in: each adds a member of the shop (the add callback,
// the welcome code), then writes on 微信客服 a few times, waiting for the answer (or giving up after a while) before
// writing again, as people do. Every message's stand-in receive time is kept for the latency and the checks.
import type { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import type { Random } from '../src/demo/random.js';

/** Questions the offline engine answers from the demo shop's own data (its menu, hours, shops, FAQ). */
export const ANSWERABLE = [
  '杨枝甘露多少钱',
  '珍珠奶茶多少钱一杯',
  '芋泥波波奶茶大杯多少钱',
  '多肉葡萄怎么卖',
  '生椰拿铁价格',
  '几点关门',
  '电话多少',
  '能开发票吗',
  '外卖能送吗',
  '可以去冰吗',
  '甜度可以调吗',
  '有什么推荐',
  '可以用支付宝吗',
  '会员怎么办',
];
/** A product the shop does not sell: the bot says a person will answer and hands the session over. */
const HANDOFF = '榴莲千层多少钱';

export interface CustomerMessage {
  externalUserId: string;
  msgid: string;
  text: string;
  /** when the stand-in received it (ms) */
  writtenAt: number;
}

export interface SoakCustomer {
  externalUserId: string;
  /** the member they added */
  userid: string;
  addedAt: number;
  /** the add callback was acknowledged ("success") */
  addDelivered: boolean;
  messages: CustomerMessage[];
  /** messages whose callback WeCom could not deliver in three attempts */
  undelivered: number;
}

/** Records every call our processes make to the stand-in, and lets a customer wait for the next reply to them. */
export function watchStandIn(standin: WecomStandIn) {
  const waiters = new Map<string, () => void>();
  /** "<path> <errcode>" → count, for errcodes other than 0 */
  const errors = new Map<string, number>();
  const call = standin.call.bind(standin);
  standin.call = (method, path, query, body) => {
    const result = call(method, path, query, body);
    const errcode = Number(result.errcode);
    if (errcode !== 0) errors.set(`${path} ${errcode}`, (errors.get(`${path} ${errcode}`) ?? 0) + 1);
    else if (path === '/cgi-bin/kf/send_msg') waiters.get(String(body.touser))?.();
    return result;
  };
  return {
    errors,
    /** resolves true at the next successful kf/send_msg to this customer, false after `ms` */
    nextReply(externalUserId: string, ms: number): { replied: Promise<boolean> } {
      let timer: NodeJS.Timeout;
      const replied = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
        waiters.set(externalUserId, () => resolve(true));
      }).finally(() => {
        clearTimeout(timer);
        waiters.delete(externalUserId);
      });
      return { replied };
    },
  };
}

export type StandInWatch = ReturnType<typeof watchStandIn>;

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const delivered = (attempts: { status?: number; body?: string }[]) =>
  attempts.some((a) => a.status === 200 && a.body === 'success');

export interface CustomerPlan {
  corpId: string;
  openKfId: string;
  members: string[];
  messages: number;
  replyWaitMs: number;
  /** what customers ask (each customer a different few of them) */
  questions: string[];
  /** no customer writes (or waits for an answer) after this time (ms): the load ends on time */
  stopAt: number;
}

/** One customer's visit: add the shop, then write `plan.messages` times (fewer when the load stops first). */
export async function playCustomer(
  standin: WecomStandIn,
  watch: StandInWatch,
  plan: CustomerPlan,
  index: number,
  random: Random,
  /** told as soon as the customer exists, so progress can count them while they still write */
  register: (customer: SoakCustomer) => void,
): Promise<void> {
  const userid = plan.members[index % plan.members.length]!;
  const addedAt = Date.now();
  // a third of them scan a table card (a 联系我 code with a channel), the rest add the member directly
  const state = index % 3 === 0 ? `table_card:${index}` : undefined;
  const added = await standin.customers.addsMember(plan.corpId, userid, { name: `顾客${index}`, state });
  const customer: SoakCustomer = {
    externalUserId: added.externalUserId,
    userid,
    addedAt,
    addDelivered: delivered(added.deliveries),
    messages: [],
    undelivered: 0,
  };
  register(customer);
  const questions = shuffled(plan.questions, random).slice(0, plan.messages);
  if (index % 10 === 9) questions[questions.length - 1] = HANDOFF;
  for (const text of questions) {
    await sleep(random.int(200, 1500));
    if (Date.now() >= plan.stopAt) break;
    const wait = watch.nextReply(customer.externalUserId, Math.min(plan.replyWaitMs, plan.stopAt - Date.now()));
    const writtenAt = Date.now();
    const sent = await standin.customers.writesToKf(plan.openKfId, customer.externalUserId, text);
    customer.messages.push({ externalUserId: customer.externalUserId, msgid: sent.msgid, text, writtenAt });
    if (!delivered(sent.deliveries)) customer.undelivered++;
    await wait.replied;
  }
}
