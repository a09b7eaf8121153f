// One alert: what happened, what Xiaoer suggests (a reply to post for a bad review), and marking it handled.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as alerts from '@xiaoer/common/api/alerts';
import { useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { shortTime } from '../../services/format';
import { ALERTS_CHANGED } from './events';

const LEVEL = { urgent: '紧急', warning: '注意', info: '通知' } as const;

export default function AlertDetail() {
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const { data, error, loading, reload } = useAsync(() => call(alerts.get, { params: { id } }), [id]);
  const [busy, setBusy] = useState(false);
  if (error && !data)
    return (
      <View className="page">
        <ErrorState error={error} onRetry={reload} />
      </View>
    );
  if (!data) return <View className="page">{loading && <Loading />}</View>;
  const reply = typeof data.data.reply === 'string' ? data.data.reply : undefined;
  const resolve = async () => {
    setBusy(true);
    try {
      await call(alerts.resolve, { params: { id } });
      Taro.eventCenter.trigger(ALERTS_CHANGED); // the list behind this page refreshes itself
      toast('已标记为处理完', 'success');
      await reload();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page">
      <View className={`card level-${data.level}`}>
        <View className="row">
          <Text className="tag">{`${LEVEL[data.level]} · ${data.kindName}`}</Text>
          <Text className="muted">{shortTime(data.createdAt)}</Text>
        </View>
        <View className="card-title" style={{ marginTop: '12px' }}>
          {data.title}
        </View>
        {/* the suggested reply has its own card below */}
        {data.body
          .split('\n')
          .filter((line) => !(reply && line.startsWith('建议回复：')))
          .map((line) => (
            <View className="summary" key={line}>
              {line}
            </View>
          ))}
      </View>
      {reply && (
        <View className="card">
          <View className="card-title">建议的回复</View>
          <View className="summary">{reply}</View>
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => void Taro.setClipboardData({ data: reply })}>
              复制回复
            </Button>
          </View>
        </View>
      )}
      <View className="btn-row">
        {data.status === 'open' ? (
          <Button className="btn btn-primary" disabled={busy || undefined} onClick={resolve}>
            处理完了
          </Button>
        ) : (
          <Text className="muted">已于 {shortTime(data.resolvedAt!)} 处理</Text>
        )}
      </View>
    </View>
  );
}
