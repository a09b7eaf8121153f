// The staff step's words (pure): what the latest sync of the WeCom members says, and what each member still lacks.
import { PENDING_OWNER_WECOM_USERID, STAFF_ROLES, STAFF_ROLE_LABELS } from '@xiaoer/common/constants/roles';
import type { StaffDto, StaffSyncDto } from '@xiaoer/common/schemas/staff';

export const ROLE_CHOICES = [...STAFF_ROLES].reverse().map((role) => ({ role, label: STAFF_ROLE_LABELS[role] }));

/** The owner signed in by the setup link and has not yet said which WeCom member they are. */
export const isPlaceholder = (member: Pick<StaffDto, 'wecomUserId'>) =>
  member.wecomUserId === PENDING_OWNER_WECOM_USERID;

export interface SyncView {
  tone: 'none' | 'running' | 'done' | 'failed';
  title: string;
  detail?: string;
  fix?: string;
}

/** The latest sync in the owner's words (null: none yet). */
export function syncView(sync: StaffSyncDto | null): SyncView {
  if (!sync) return { tone: 'none', title: '还没有同步', detail: '同步后，企业微信里能使用小二的员工会出现在下面' };
  if (sync.status === 'running')
    return { tone: 'running', title: '正在同步…', detail: `已找到 ${sync.total} 人，已保存 ${sync.synced} 人` };
  if (sync.status === 'failed')
    return {
      tone: 'failed',
      title: '同步没有完成',
      detail: sync.error?.message ?? '企业微信没有回应',
      fix: sync.error?.fix,
    };
  const parts = [`已同步 ${sync.synced} 人`];
  if (sync.deactivated) parts.push(`${sync.deactivated} 人已不在应用可见范围，已停用`);
  return {
    tone: 'done',
    title: parts.join('，'),
    detail: sync.namesWithheld ? `${sync.namesWithheld} 人的姓名企业微信没有提供，他们第一次登录小二时填写` : undefined,
  };
}

/** Members to show: the synced ones (the owner's placeholder is shown apart, until they claim their member). */
export const syncedMembers = (members: StaffDto[]) => members.filter((m) => !isPlaceholder(m));
