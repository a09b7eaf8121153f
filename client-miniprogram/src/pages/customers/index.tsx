// Customers: search by name, remark or phone, filter by tag, and a profile summary on tap.
import { Input, Text, View } from '@tarojs/components';
import * as customers from '@xiaoer/common/api/customers';
import * as tagsApi from '@xiaoer/common/api/tags';
import { formatFen } from '@xiaoer/common/money';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';

export default function Customers() {
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const tags = useAsync(() => call(tagsApi.corpTags));
  const list = useAsync(
    () => call(customers.list, { query: { limit: 50, q: q || undefined, tag: tag || undefined } }),
    [q, tag],
  );
  const profile = useAsync(
    () => (open ? call(customers.profile, { params: { id: open } }) : Promise.resolve(undefined)),
    [open],
  );
  const tagNames = (tags.data?.groups.flatMap((g) => g.tags) ?? []).slice(0, 20);
  return (
    <View className="page">
      <Input
        className="input"
        placeholder="搜索姓名、备注或手机号"
        confirmType="search"
        onConfirm={(e) => setQ(e.detail.value.trim())}
      />
      <View style={{ margin: '8px 0 16px' }}>
        {tagNames.map((t) => (
          <Text key={t} className={`tag ${tag === t ? 'tag-on' : ''}`} onClick={() => setTag(tag === t ? '' : t)}>
            {t}
          </Text>
        ))}
      </View>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {list.data && !list.data.items.length && <Empty title="没有找到客户" hint="换个关键词或标签试试" />}
      {list.data && list.data.items.length > 0 && (
        <View className="card">
          {list.data.items.map((c) => (
            <View key={c.id} className="list-item" onClick={() => setOpen(open === c.id ? null : c.id)}>
              <View className="row">
                <Text style={{ fontWeight: 600 }}>{c.remark || c.name}</Text>
                <Text className="muted">{c.tags.slice(0, 2).join(' · ')}</Text>
              </View>
              {open === c.id && profile.data && (
                <View className="muted" style={{ marginTop: '10px', lineHeight: 1.7 }}>
                  <View>{`${profile.data.insights.lifecycle} · 消费 ${formatFen(profile.data.insights.totalSpend)} · ${profile.data.insights.visits} 次${profile.data.insights.averageIntervalDays ? ` · 约 ${profile.data.insights.averageIntervalDays} 天来一次` : ''}`}</View>
                  {profile.data.insights.favouriteItems.length > 0 && (
                    <View>常点：{profile.data.insights.favouriteItems.map((f) => f.name).join('、')}</View>
                  )}
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
