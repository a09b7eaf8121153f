// The owner's group sends during the soak, through the API behind the proxy: create a task for customers who just
// added a member, the member confirms it in WeCom (the stand-in), then the owner reads the results back.
import type { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import type { Connection } from 'mongoose';

export interface GroupSendRun {
  id?: string;
  sender: string;
  recipients: number;
  delivered?: number;
  status?: string;
  /** what went wrong, when the send could not be created or its results not read */
  error?: string;
  /** API calls answered 5xx and retried (e.g. while Redis restarted) */
  retries: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** fetch against the API with the owner's token; 5xx and network errors are retried a few times, as a client would. */
async function apiCall(
  api: { base: string; token: string },
  path: string,
  init: RequestInit,
  run: GroupSendRun,
): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${api.base}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await res.json()) as Record<string, unknown>;
      if (res.ok) return body;
      if (res.status < 500 || attempt >= 5) {
        throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(body)}`);
      }
    } catch (e) {
      if (attempt >= 5 || (e as Error).message.includes('→ 4')) throw e;
    }
    run.retries++;
    await sleep(1000 * attempt);
  }
}

export async function ownerToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"role":"owner"}',
  });
  if (!res.ok) throw new Error(`demo login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** One group send from `sender` to these customers (external user ids), confirmed in WeCom and read back. */
export async function runGroupSend(
  api: { base: string; token: string },
  db: Connection,
  standin: WecomStandIn,
  sender: string,
  externalUserIds: string[],
): Promise<GroupSendRun> {
  const run: GroupSendRun = { sender, recipients: 0, retries: 0 };
  try {
    const staff = await db.collection('staff').findOne({ wecomUserId: sender });
    const customers = await db
      .collection('customers')
      .find({ externalUserId: { $in: externalUserIds } }, { projection: { _id: 1 } })
      .toArray();
    if (!staff || !customers.length) throw new Error(`nobody to send to from ${sender}`);
    const customerIds = customers.map((c) => String(c._id));
    const input = { senderStaffId: String(staff._id), customerIds, text: '本周三会员日，第二杯半价～' };
    const created = await apiCall(api, '/api/group-sends', { method: 'POST', body: JSON.stringify(input) }, run);
    run.id = String(created.id);
    run.recipients = Number(created.recipients);
    // The member confirms the task in the WeCom client.
    const task = standin.state.groupSendTasks.findLast(
      (t) => t.sender === sender && !t.sentAt && t.externalUserIds.every((id) => externalUserIds.includes(id)),
    );
    if (!task) throw new Error('the stand-in has no unconfirmed task for this sender');
    await sleep(500);
    task.sentAt = standin.state.now();
    const read = await apiCall(api, `/api/group-sends/${run.id}`, { method: 'GET' }, run);
    run.delivered = Number(read.delivered);
    run.status = String(read.status);
  } catch (e) {
    run.error = (e as Error).message;
  }
  return run;
}
