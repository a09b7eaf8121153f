import * as customers from '@xiaoer/common/api/customers';
import { ApiError } from '@xiaoer/common/errors';
import { useState } from 'react';
import { call } from '../services/client';
import { useAsync } from '../hooks/useAsync';
import { AiPanel } from './AiPanel';
import { ConversationPanel } from './ConversationPanel';
import { CustomerHeader } from './CustomerHeader';
import { ProfilePanel } from './ProfilePanel';
import { ScriptsPanel } from './ScriptsPanel';
import { ErrorState, Skeleton } from './States';

const TABS = ['AI回复', '客服消息', '话术', '客户资料'] as const;

export function CustomerView({ externalUserId }: { externalUserId: string }) {
  const profile = useAsync(
    (signal) => call(customers.profileByExternalUserId, { params: { externalUserId } }, { signal }),
    externalUserId,
  );
  const [tab, setTab] = useState<(typeof TABS)[number]>('AI回复');
  // someone who wrote to 微信客服 without being a contact has no profile: what they sent is still there for staff
  if (profile.error instanceof ApiError && profile.error.status === 404)
    return (
      <div className="page" data-ready="kf-only">
        <div className="hint">这位客户还没有加企业微信好友，下面是他在微信客服里发来的消息。</div>
        <ConversationPanel externalUserId={externalUserId} />
      </div>
    );
  if (profile.error)
    return <ErrorState title="客户资料没加载出来" detail={profile.error.message} onRetry={profile.reload} />;
  if (!profile.data) return <PageSkeleton />;
  const data = profile.data;
  return (
    <div className="page" data-ready="customer">
      <CustomerHeader profile={data} />
      <nav className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t}
            role="tab"
            aria-selected={t === tab}
            className={`tab ${t === tab ? 'tab-on' : ''}`}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </nav>
      {tab === 'AI回复' && <AiPanel customerId={data.customer.id} />}
      {tab === '客服消息' && <ConversationPanel externalUserId={externalUserId} />}
      {tab === '话术' && <ScriptsPanel customerId={data.customer.id} />}
      {tab === '客户资料' && (
        <ProfilePanel profile={data} onCustomer={(customer) => profile.setData({ ...data, customer })} />
      )}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="page">
      <div className="customer-header">
        <div className="customer-id">
          <div className="avatar skeleton-block" />
          <Skeleton lines={2} />
        </div>
      </div>
      <Skeleton lines={5} />
    </div>
  );
}
