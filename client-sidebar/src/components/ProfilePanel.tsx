// The customer's record: tags (synced to WeCom), birthday, favourites, recent orders, the AI summary (智能纪要)
// with tags it proposes, and the follow-up notes staff keep.
import * as ai from '@xiaoer/common/api/ai';
import * as customers from '@xiaoer/common/api/customers';
import * as tags from '@xiaoer/common/api/tags';
import type { CustomerDto } from '@xiaoer/common/schemas/customer';
import type { CustomerProfileDto } from '@xiaoer/common/schemas/sidebar';
import { useState } from 'react';
import { call } from '../services/client';
import { formatFen } from '@xiaoer/common/money';
import { monthDay } from '../format';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorState, Skeleton } from './States';
import { useToast } from './Toast';

export function ProfilePanel({
  profile,
  onCustomer,
}: {
  profile: CustomerProfileDto;
  onCustomer(c: CustomerDto): void;
}) {
  const { customer, insights, recentOrders } = profile;
  return (
    <section className="panel">
      <TagEditor customer={customer} onCustomer={onCustomer} />
      <AiSummary customer={customer} onCustomer={onCustomer} />
      <div className="card">
        <h3 className="card-title">消费习惯</h3>
        <div className="kv">
          <span>常点</span>
          <span>
            {insights.favouriteItems.length
              ? insights.favouriteItems.map((f) => `${f.name}(${f.quantity})`).join('、')
              : '还没有消费记录'}
          </span>
        </div>
        <div className="kv">
          <span>生日</span>
          <span>{customer.birthday ? monthDay(customer.birthday) : '未登记'}</span>
        </div>
        {customer.phone && (
          <div className="kv">
            <span>手机</span>
            <span>{customer.phone}</span>
          </div>
        )}
      </div>
      <div className="card">
        <h3 className="card-title">最近订单</h3>
        {recentOrders.length ? (
          <ul className="orders">
            {recentOrders.map((o) => (
              <li key={o.id} className={o.status === 'refunded' ? 'order-refunded' : ''}>
                <span className="order-date">{monthDay(o.placedAt)}</span>
                <span className="order-items">{o.items}</span>
                <span className="order-amount">{o.status === 'refunded' ? '已退款' : formatFen(o.amount)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>还没有订单</Empty>
        )}
      </div>
      <Notes customer={customer} onCustomer={onCustomer} />
    </section>
  );
}

function useTagSaver(customer: CustomerDto, onCustomer: (c: CustomerDto) => void) {
  const toast = useToast();
  return async (tags: string[]) => {
    try {
      onCustomer(await call(customers.update, { params: { id: customer.id }, body: { tags } }));
      toast('标签已保存，正在同步到企业微信');
    } catch (e) {
      toast((e as Error).message);
    }
  };
}

function TagEditor({ customer, onCustomer }: { customer: CustomerDto; onCustomer(c: CustomerDto): void }) {
  const [picking, setPicking] = useState(false);
  const [custom, setCustom] = useState('');
  const save = useTagSaver(customer, onCustomer);
  const groups = useAsync(
    (signal) => (picking ? call(tags.corpTags, undefined, { signal }) : Promise.resolve({ groups: [] })),
    String(picking),
  );
  const add = (tag: string) => {
    const t = tag.trim();
    if (t && !customer.tags.includes(t)) void save([...customer.tags, t]);
    setCustom('');
  };
  return (
    <div className="card">
      <h3 className="card-title">
        标签
        <button className="link-btn" onClick={() => setPicking(!picking)}>
          {picking ? '完成' : '+ 添加'}
        </button>
      </h3>
      <div className="chips">
        {customer.tags.map((t) => (
          <span key={t} className="tag">
            {t}
            <button
              className="tag-x"
              aria-label={`移除标签${t}`}
              onClick={() => void save(customer.tags.filter((x) => x !== t))}
            >
              ×
            </button>
          </span>
        ))}
        {!customer.tags.length && <span className="muted">还没有标签</span>}
      </div>
      {picking && (
        <div className="tag-picker">
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              add(custom);
            }}
          >
            <input
              className="input"
              placeholder="输入新标签"
              maxLength={30}
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
            />
            <button className="btn" type="submit">
              添加
            </button>
          </form>
          {groups.loading && <Skeleton lines={2} />}
          {groups.data?.groups.map((g) => (
            <div key={g.groupName} className="tag-group">
              <div className="muted">{g.groupName}</div>
              <div className="chips">
                {g.tags
                  .filter((t) => !customer.tags.includes(t))
                  .map((t) => (
                    <button key={t} className="chip" onClick={() => add(t)}>
                      {t}
                    </button>
                  ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function AiSummary({ customer, onCustomer }: { customer: CustomerDto; onCustomer(c: CustomerDto): void }) {
  const summary = useAsync(
    (signal) => call(ai.customerSummary, { params: { id: customer.id } }, { signal }),
    customer.id,
  );
  const save = useTagSaver(customer, onCustomer);
  const proposed = summary.data?.proposedTags.filter((t) => !customer.tags.includes(t)) ?? [];
  return (
    <div className="card card-ai">
      <h3 className="card-title">智能纪要</h3>
      {summary.loading && <Skeleton lines={2} />}
      {summary.error && <ErrorState title="纪要没生成出来" detail={summary.error.message} onRetry={summary.reload} />}
      {summary.data && <p className="summary">{summary.data.summary}</p>}
      {proposed.length > 0 && (
        <div className="chips">
          <span className="muted">建议标签</span>
          {proposed.map((t) => (
            <button key={t} className="chip chip-suggest" onClick={() => void save([...customer.tags, t])}>
              + {t}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Notes({ customer, onCustomer }: { customer: CustomerDto; onCustomer(c: CustomerDto): void }) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const add = async () => {
    setSaving(true);
    try {
      onCustomer(await call(customers.addNote, { params: { id: customer.id }, body: { text } }));
      setText('');
      toast('跟进记录已保存');
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="card">
      <h3 className="card-title">跟进记录</h3>
      <div className="row">
        <input
          className="input"
          placeholder="记一笔：如 想要少糖款，周末再问"
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button className="btn" disabled={!text.trim() || saving} onClick={add}>
          保存
        </button>
      </div>
      <ul className="notes">
        {customer.notes.map((n) => (
          <li key={`${n.createdAt}:${n.text}`}>
            <span className="note-date">{monthDay(n.createdAt)}</span>
            {n.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
