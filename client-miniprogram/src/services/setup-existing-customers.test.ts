import { describe, expect, it } from 'vitest';
import { syncView } from './setup-existing-customers';

const AT = '2026-11-30T10:00:00.000Z';

describe('the existing-customers step', () => {
  it('offers to start when the shop never synced', () => {
    expect(syncView(null, 3)).toMatchObject({ button: '开始同步', poll: false, text: expect.stringContaining('3 位') });
  });

  it('shows done of total while running and keeps polling', () => {
    expect(syncView({ status: 'running', done: 40, total: 160, startedAt: AT }, 0)).toEqual({
      text: '正在同步：40 / 160 位顾客',
      percent: 25,
      button: '同步中…',
      canStart: false,
      poll: true,
    });
    expect(syncView({ status: 'running', done: 0, total: null, startedAt: AT }, 0)).toMatchObject({
      text: '正在统计顾客人数…',
      poll: true,
    });
  });

  it("shows WeCom's reason and offers to resume when it stopped", () => {
    const error = { message: '服务器 IP 不在企业可信 IP 列表中（错误码 60020）', fix: '添加出口 IP' };
    expect(syncView({ status: 'running', done: 100, total: 150, startedAt: AT, error }, 100)).toMatchObject({
      text: '同步中断：已同步 100 / 150 位',
      error,
      button: '继续同步',
      canStart: true,
      poll: true,
    });
  });

  it('says how many came in once done', () => {
    expect(syncView({ status: 'done', done: 150, total: 150, startedAt: AT, finishedAt: AT }, 152)).toMatchObject({
      text: '同步完成：150 位顾客，店里现有 152 位顾客',
      percent: 100,
      button: '重新同步',
    });
  });
});
