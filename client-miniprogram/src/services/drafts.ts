// The drafts inbox: grouping for the page, and the approval calls (the subscribe-message permission is asked at the
// tap, which is the only moment WeChat allows asking).
import Taro from '@tarojs/taro';
import type { DraftStatus } from '@xiaoer/common/constants/outreach';
import * as outreach from '@xiaoer/common/api/outreach';
import type { DraftDto } from '@xiaoer/common/schemas/outreach';
import { call } from './client';

export type Draft = DraftDto;

export const STATUS_TEXT: Record<DraftStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '不发了',
  sent: '等员工确认发送',
  delivered: '已送达',
  failed: '没发出去',
  cancelled: '已取消',
  expired: '已过期',
};

/** Drafts by scenario, in the order their first draft appears. */
export function groupByScenario(drafts: Draft[]): { scenario: string; name: string; drafts: Draft[] }[] {
  const groups = new Map<string, { scenario: string; name: string; drafts: Draft[] }>();
  for (const d of drafts) {
    const g = groups.get(d.scenario) ?? { scenario: d.scenario, name: d.scenarioName, drafts: [] };
    g.drafts.push(d);
    groups.set(d.scenario, g);
  }
  return [...groups.values()];
}

/** Asks once per approval tap to tell the owner how sends went (weapp only; refusing changes nothing). */
export async function askToNotifyResults(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const template = process.env.TARO_APP_SUBSCRIBE_TEMPLATE;
  if (!template) return;
  await Taro.requestSubscribeMessage({
    tmplIds: [template],
    entityIds: [],
  } as unknown as Taro.requestSubscribeMessage.Option).catch(() => undefined);
}

/** The inbox a page at a time (twenty), newest first: the pending drafts, or the handled ones. */
export const draftsPage = (status: 'pending' | 'handled', cursor?: string) =>
  call(outreach.drafts, { query: { status, limit: 20, cursor } });
export const approveDraft = (id: string, text?: string) =>
  call(outreach.approveDraft, { params: { id }, body: { text: text || undefined } });
export const rejectDraft = (id: string, note?: string) =>
  call(outreach.rejectDraft, { params: { id }, body: { note: note || undefined } });
export const approveMany = (ids: string[]) => call(outreach.approveDrafts, { body: { ids } });
