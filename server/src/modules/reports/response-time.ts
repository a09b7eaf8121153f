// How long customers wait for an answer: per conversation, from the message that opened a wait to the first reply
// that reached them. Messages written while already waiting do not restart the clock.

export interface ConversationEvent {
  externalUserId: string;
  direction: 'in' | 'out' | 'event';
  sentAt: Date;
  status?: string;
}

/** Seconds each wait lasted, from events sorted by conversation then time. */
export function responseWaits(events: ConversationEvent[]): number[] {
  const waits: number[] = [];
  let who = '';
  let since: Date | null = null;
  for (const e of events) {
    if (e.externalUserId !== who) {
      who = e.externalUserId;
      since = null;
    }
    if (e.direction === 'in') since ??= e.sentAt;
    else if (e.direction === 'out' && e.status === 'sent' && since) {
      waits.push(Math.max(0, Math.round((e.sentAt.getTime() - since.getTime()) / 1000)));
      since = null;
    }
  }
  return waits;
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
