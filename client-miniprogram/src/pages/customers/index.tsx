// Customers: search by name, remark or phone (staff by the whole number, managers and owners also by its last
// digits), filter by tag and by lifecycle stage, page on; a tap opens the profile. Managers reach the automatic tag
// rules from here.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as customers from '@xiaoer/common/api/customers';
import * as tagsApi from '@xiaoer/common/api/tags';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@xiaoer/common/constants/lifecycle';
import { roleAtLeast } from '@xiaoer/common/constants/roles';
import type { CustomerDto } from '@xiaoer/common/schemas/customer';
import { useEffect, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { sessionStore } from '../../services/session';
import { UnmatchedRecords } from './UnmatchedRecords';
import { linkRecord, NOUN, type Linkable, type UnmatchedKind } from './unmatched-records';

export const CUSTOMER_PROFILE_PAGE = '/pages/customers/profile';
const PAGE_SIZE = 30;
const TAG_RULES_PAGE = '/pages/tag-rules/index';
const UNMATCHED_KINDS: UnmatchedKind[] = ['orders', 'appointments', 'course-packages'];

export default function Customers() {
  const manager = roleAtLeast(sessionStore.get()?.staff.role ?? 'staff', 'manager');
  const [linking, setLinking] = useState<Linkable | null>(null);
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [stage, setStage] = useState<LifecycleStage | ''>('');
  const [more, setMore] = useState<{ items: CustomerDto[]; nextCursor?: string }>({ items: [] });
  const tags = useAsync(() => call(tagsApi.corpTags));
  const filters = { q: q || undefined, tag: tag || undefined, lifecycle: stage || undefined };
  const list = useAsync(() => call(customers.list, { query: { limit: PAGE_SIZE, ...filters } }), [q, tag, stage]);
  useEffect(() => setMore({ items: [], nextCursor: list.data?.nextCursor }), [list.data]);
  const loadMore = async () => {
    if (!more.nextCursor) return;
    const page = await call(customers.list, {
      query: { limit: PAGE_SIZE, ...filters, cursor: more.nextCursor },
    });
    setMore({ items: [...more.items, ...page.items], nextCursor: page.nextCursor });
  };
  const openCustomer = async (c: CustomerDto) => {
    if (!linking) return void Taro.navigateTo({ url: `${CUSTOMER_PROFILE_PAGE}?id=${c.id}` });
    const named = [
      linking.ref.phone && `手机号 ${linking.ref.phone}`,
      linking.ref.memberNo && `会员号 ${linking.ref.memberNo}`,
    ]
      .filter(Boolean)
      .join('、');
    const { confirm } = await Taro.showModal({
      title: `把${NOUN[linking.kind]} ${linking.externalId} 认领给「${c.remark || c.name}」？`,
      content: named
        ? `同时把${named}记到他的资料里（他已有的不会被改）`
        : `认领后${NOUN[linking.kind]}会出现在他的时间线上`,
      confirmText: '认领',
    });
    if (!confirm) return;
    try {
      const res = await linkRecord(linking, c.id, Boolean(named));
      toast(res.saved.length ? '已认领，并记下了号码' : '已认领', 'success');
      setLinking(null);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const tagNames = (tags.data?.groups.flatMap((g) => g.tags) ?? []).slice(0, 20);
  const items = [...(list.data?.items ?? []), ...more.items];
  return (
    <View className="page">
      <Input
        className="input"
        placeholder="搜索姓名、备注或手机号"
        confirmType="search"
        data-testid="customer-search"
        onConfirm={(e) => setQ(e.detail.value.trim())}
      />
      <View style={{ margin: '8px 0 0' }} data-testid="stage-filter">
        {LIFECYCLE_STAGES.map((s) => (
          <Text key={s} className={`tag ${stage === s ? 'tag-on' : ''}`} onClick={() => setStage(stage === s ? '' : s)}>
            {s}
          </Text>
        ))}
      </View>
      <View style={{ margin: '8px 0 16px' }}>
        {tagNames.map((t) => (
          <Text key={t} className={`tag ${tag === t ? 'tag-on' : ''}`} onClick={() => setTag(tag === t ? '' : t)}>
            {t}
          </Text>
        ))}
      </View>
      {manager && (
        <View className="btn-row">
          <Button className="btn btn-ghost" onClick={() => void Taro.navigateTo({ url: TAG_RULES_PAGE })}>
            自动标签规则
          </Button>
        </View>
      )}
      {manager &&
        UNMATCHED_KINDS.map((k) => <UnmatchedRecords key={k} kind={k} linking={linking} onLink={setLinking} />)}
      {linking && (
        <View
          className="muted"
          data-linking
        >{`点一位客户，把${NOUN[linking.kind]} ${linking.externalId} 认领给他`}</View>
      )}
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {list.data && !items.length && (
        <Empty
          title="没有找到客户"
          hint={q || tag || stage ? '换个关键词或筛选条件试试' : '客户加了店员的企业微信后会出现在这里'}
        />
      )}
      {items.length > 0 && (
        <View className="card">
          {items.map((c) => (
            <View key={c.id} className="list-item" data-customer={c.id} onClick={() => void openCustomer(c)}>
              <View className="row">
                <Text style={{ fontWeight: 600 }}>{c.remark || c.name}</Text>
                <Text className="muted">
                  {c.optedOut ? '已退订' : [c.lifecycle, ...c.tags.slice(0, 2)].filter(Boolean).join(' · ')}
                </Text>
              </View>
              {c.phone && <View className="muted">{c.phone}</View>}
            </View>
          ))}
        </View>
      )}
      {more.nextCursor && (
        <Button className="btn btn-ghost" onClick={() => void loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  );
}
