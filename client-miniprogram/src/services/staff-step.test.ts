import { describe, expect, it } from 'vitest';
import { ROLE_CHOICES, isPlaceholder, syncView, syncedMembers } from './staff-step';

const sync = {
  status: 'done' as const,
  total: 5,
  synced: 5,
  namesWithheld: 1,
  deactivated: 0,
  startedAt: '2026-11-30T10:00:00.000Z',
};

describe('the staff step', () => {
  it('says what the latest sync did, in the owner’s words', () => {
    expect(syncView(null)).toMatchObject({ tone: 'none', title: '还没有同步' });
    expect(syncView({ ...sync, status: 'running', total: 3, synced: 1 })).toMatchObject({
      tone: 'running',
      detail: '已找到 3 人，已保存 1 人',
    });
    expect(syncView(sync)).toEqual({
      tone: 'done',
      title: '已同步 5 人',
      detail: '1 人的姓名企业微信没有提供，他们第一次登录小二时填写',
    });
    expect(syncView({ ...sync, namesWithheld: 0, deactivated: 2 }).title).toBe(
      '已同步 5 人，2 人已不在应用可见范围，已停用',
    );
    expect(
      syncView({
        ...sync,
        status: 'failed',
        error: { errcode: 60011, message: '应用的可见范围不包含这名成员（错误码 60011）', fix: '到企业微信管理后台 …' },
      }),
    ).toEqual({
      tone: 'failed',
      title: '同步没有完成',
      detail: '应用的可见范围不包含这名成员（错误码 60011）',
      fix: '到企业微信管理后台 …',
    });
  });

  it('keeps the setup link’s placeholder apart from the synced members, and offers the roles highest first', () => {
    const base = { name: '', role: 'staff' as const, shopIds: [], nameMissing: false, miniProgramBound: false };
    const members = [
      { ...base, id: '1', wecomUserId: '~setup-owner', role: 'owner' as const },
      { ...base, id: '2', wecomUserId: 'zhou' },
    ];
    expect(isPlaceholder(members[0]!)).toBe(true);
    expect(syncedMembers(members).map((m) => m.id)).toEqual(['2']);
    expect(ROLE_CHOICES.map((c) => c.label)).toEqual(['老板', '店长', '店员']);
  });
});
