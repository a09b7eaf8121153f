import type { CustomerProfileDto } from '@xiaoer/common/schemas/sidebar';
import { SOURCE_CHANNEL_LABELS } from '@xiaoer/common/constants/customer';
import { useState } from 'react';
import { formatFen } from '@xiaoer/common/money';
import { daysAgo } from '../format';

const STAGE_CLASS: Record<string, string> = {
  新客: 'stage-new',
  活跃: 'stage-active',
  沉睡: 'stage-dormant',
  流失: 'stage-lost',
};

export function CustomerHeader({ profile }: { profile: CustomerProfileDto }) {
  const { customer, insights } = profile;
  const name = customer.remark || customer.name;
  const [avatarFailed, setAvatarFailed] = useState(false);
  return (
    <header className="customer-header">
      <div className="customer-id">
        {customer.avatar && !avatarFailed ? (
          <img className="avatar" src={customer.avatar} alt="" onError={() => setAvatarFailed(true)} />
        ) : (
          <div className="avatar avatar-letter">{name.slice(0, 1)}</div>
        )}
        <div className="customer-names">
          <div className="customer-name" data-testid="customer-name">
            {name}
            <span className={`stage ${STAGE_CLASS[insights.lifecycle] ?? ''}`}>{insights.lifecycle}</span>
          </div>
          <div className="customer-sub">
            {customer.remark && customer.remark !== customer.name ? `微信名 ${customer.name} · ` : ''}
            来自{SOURCE_CHANNEL_LABELS[customer.sourceChannel] ?? '其他'}
            {customer.optedOut && <span className="muted-badge">已退订</span>}
          </div>
        </div>
      </div>
      <dl className="stats">
        <div>
          <dt>累计消费</dt>
          <dd>{formatFen(insights.totalSpend)}</dd>
        </div>
        <div>
          <dt>到店</dt>
          <dd>{insights.visits}次</dd>
        </div>
        <div>
          <dt>最近</dt>
          <dd>{daysAgo(insights.lastVisitAt)}</dd>
        </div>
        <div>
          <dt>平均</dt>
          <dd>{insights.averageIntervalDays ? `${Math.round(insights.averageIntervalDays)}天/次` : '—'}</dd>
        </div>
      </dl>
    </header>
  );
}
