// What the existing-customers step says about the WeCom contact sync, from the run the server saved (so a reload,
// or another device, shows the same): pure, the page polls and renders it.
import type { ContactSyncRunDto } from '@xiaoer/common/api/wecom';

export interface SyncView {
  /** the line under the title */
  text: string;
  /** 0-100 when the total is known */
  percent?: number;
  /** WeCom's reason, and what to do */
  error?: { message: string; fix: string };
  /** the button, and whether it can be tapped now (start, resume or run again) */
  button: string;
  canStart: boolean;
  /** keep asking the server for progress (also after an error: the worker retries by itself) */
  poll: boolean;
}

export function syncView(run: ContactSyncRunDto | null, customers: number): SyncView {
  if (!run)
    return {
      text: `店里现有 ${customers} 位顾客。同步后，员工企业微信里的老顾客都会出现在小二里。`,
      button: '开始同步',
      canStart: true,
      poll: false,
    };
  const percent = run.total
    ? Math.min(100, Math.round((run.done / run.total) * 100))
    : run.total === 0
      ? 100
      : undefined;
  if (run.status === 'done')
    return {
      text: `同步完成：${run.total ?? run.done} 位顾客，店里现有 ${customers} 位顾客`,
      percent: 100,
      button: '重新同步',
      canStart: true,
      poll: false,
    };
  if (run.error)
    return {
      text: `同步中断：已同步 ${run.done}${run.total === null ? '' : ` / ${run.total}`} 位`,
      percent,
      error: run.error,
      button: '继续同步',
      canStart: true,
      poll: true,
    };
  return {
    text: run.total === null ? '正在统计顾客人数…' : `正在同步：${run.done} / ${run.total} 位顾客`,
    percent,
    button: '同步中…',
    canStart: false,
    poll: true,
  };
}
