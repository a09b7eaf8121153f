import type { ContactSyncRunDto } from '@xiaoer/common/api/wecom';
import type { ContactSyncRunRecord } from './contact-sync.repository.js';

/**
 * The run as the owner reads it. `synced` counts WeCom's (customer, member) pairs, so a customer two staff share is
 * read twice: done is held to the distinct total while running, and is the total once finished.
 */
export function presentContactSync(r: ContactSyncRunRecord): ContactSyncRunDto {
  const total = r.total ?? null;
  const done = total === null ? r.synced : r.status === 'done' ? total : Math.min(r.synced, total);
  return {
    status: r.status,
    done,
    total,
    startedAt: r.startedAt.toISOString(),
    ...(r.finishedAt ? { finishedAt: r.finishedAt.toISOString() } : {}),
    ...(r.error ? { error: { message: r.error.message, fix: r.error.fix } } : {}),
  };
}
