// What needs the owner: low stock, bad reviews, late orders, rushes, holidays ... newest first, twenty at a time;
// each opens its detail.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as alerts from '@xiaoer/common/api/alerts';
import { useEffect, useState } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { usePages } from '../../hooks/usePages';
import { call } from '../../services/client';
import { shortTime } from '../../services/format';
import { ALERTS_CHANGED } from './events';

export default function Alerts() {
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const {
    items: data,
    error,
    loading,
    reload,
    hasMore,
    loadingMore,
    loadMore,
  } = usePages((cursor) => call(alerts.list, { query: { status, limit: 20, cursor } }), [status]);
  Taro.useDidShow(() => void reload());
  // an alert handled on its detail page: the list is current when the owner comes back
  useEffect(() => {
    const refresh = () => void reload();
    Taro.eventCenter.on(ALERTS_CHANGED, refresh);
    return () => void Taro.eventCenter.off(ALERTS_CHANGED, refresh);
  }, [reload]);
  return (
    <View className="page">
      <View className="segments">
        {(['open', 'resolved'] as const).map((s) => (
          <View key={s} className={`segment ${status === s ? 'segment-on' : ''}`} onClick={() => setStatus(s)}>
            {s === 'open' ? '待处理' : '已处理'}
          </View>
        ))}
      </View>
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {data && !data.length && (
        <Empty
          title={status === 'open' ? '一切正常' : '还没有处理过的提醒'}
          hint="库存、差评、订单超时、客流高峰都会第一时间提醒你"
        />
      )}
      {data?.map((a) => (
        <View
          key={a.id}
          className={`card level-${a.level}`}
          onClick={() => void Taro.navigateTo({ url: `/pages/alerts/detail?id=${a.id}` })}
        >
          <View className="row">
            <Text style={{ fontWeight: 600 }}>{a.title}</Text>
            <Text className="muted">{shortTime(a.createdAt)}</Text>
          </View>
          <View className="muted" style={{ marginTop: '8px' }}>
            {a.kindName} · {a.body.split('\n')[0]}
          </View>
        </View>
      ))}
      <LoadMore more={hasMore} busy={loadingMore} onMore={() => void loadMore()} />
    </View>
  );
}
