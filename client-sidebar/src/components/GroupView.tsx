import * as groups from '@xiaoer/common/api/groups';
import { useState } from 'react';
import { call } from '../services/client';
import { monthDay } from '../format';
import { useAsync } from '../hooks/useAsync';
import { PageSkeleton } from './CustomerView';
import { ScriptsPanel } from './ScriptsPanel';
import { Empty, ErrorState } from './States';

/** A customer group chat: who is in it that we know, and the scripts library to post into it. */
export function GroupView({ chatId }: { chatId: string }) {
  const group = useAsync((signal) => call(groups.groupChat, { params: { chatId } }, { signal }), chatId);
  const [tab, setTab] = useState<'members' | 'scripts'>('members');
  if (group.error) return <ErrorState title="群资料没加载出来" detail={group.error.message} onRetry={group.reload} />;
  if (!group.data) return <PageSkeleton />;
  const g = group.data;
  return (
    <div className="page" data-ready="group">
      <header className="customer-header">
        <div className="customer-id">
          <div className="avatar avatar-letter avatar-group">群</div>
          <div className="customer-names">
            <div className="customer-name" data-testid="group-name">
              {g.name}
            </div>
            <div className="customer-sub">
              群主 {g.ownerName} · {monthDay(g.createdAt)}建群
            </div>
          </div>
        </div>
        <dl className="stats">
          <div>
            <dt>群成员</dt>
            <dd>{g.memberCount}人</dd>
          </div>
          <div>
            <dt>已建档客户</dt>
            <dd>{g.knownCustomers.length}人</dd>
          </div>
          <div>
            <dt>未建档</dt>
            <dd>{g.unknownCustomerCount}人</dd>
          </div>
          <div>
            <dt>员工</dt>
            <dd>{g.staffCount}人</dd>
          </div>
        </dl>
        {g.notice && <div className="notice">群公告：{g.notice}</div>}
      </header>
      <nav className="tabs" role="tablist">
        <button
          role="tab"
          aria-selected={tab === 'members'}
          className={`tab ${tab === 'members' ? 'tab-on' : ''}`}
          onClick={() => setTab('members')}
        >
          群里的客户
        </button>
        <button
          role="tab"
          aria-selected={tab === 'scripts'}
          className={`tab ${tab === 'scripts' ? 'tab-on' : ''}`}
          onClick={() => setTab('scripts')}
        >
          话术
        </button>
      </nav>
      {tab === 'members' && (
        <section className="panel">
          {g.knownCustomers.length ? (
            <ul className="members">
              {g.knownCustomers.map((c) => (
                <li key={c.id}>
                  <div className="avatar avatar-letter avatar-small">{c.name.slice(0, 1)}</div>
                  <span className="member-name">{c.name}</span>
                  <span className="chips">
                    {c.tags.slice(0, 3).map((t) => (
                      <span key={t} className="tag tag-soft">
                        {t}
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>群里还没有已建档的客户</Empty>
          )}
        </section>
      )}
      {tab === 'scripts' && <ScriptsPanel />}
    </div>
  );
}
