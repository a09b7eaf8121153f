// The group calendar's posts (群SOP) waiting for approval: each with its group, day and kind; approving makes the
// group owner's WeCom task to confirm.
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { approveGroupPost, pendingGroupPosts, rejectGroupPost } from '../../services/group-posts';

export function GroupPosts() {
  const { data, error, loading, reload } = useAsync(pendingGroupPosts);
  Taro.useDidShow(() => void reload());
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const { busy, act } = useAction(async () => {
    setEditing(null);
    await reload();
  });
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Loading /> : null;
  if (!data.length)
    return <Empty title="没有待审核的群发" hint="每周一小二按群日历写好一周的群内容：八成干货，最多两成促销" />;
  return (
    <View>
      {data.map((p) => (
        <View className="card" key={p.id} data-post={p.id}>
          <View className="row">
            <Text style={{ fontWeight: 600 }}>{p.groupName}</Text>
            <Text className="muted">{`${p.date.slice(5)} ${p.at}`}</Text>
          </View>
          <View className="muted" style={{ margin: '8px 0 12px' }}>{`${p.title} · ${p.label}`}</View>
          {editing?.id === p.id ? (
            <Textarea
              className="textarea"
              value={editing.text}
              maxlength={1000}
              onInput={(e) => setEditing({ id: p.id, text: e.detail.value })}
            />
          ) : (
            <View className="summary">{p.text}</View>
          )}
          {p.optedOutMembers ? (
            <View className="muted" style={{ marginTop: '8px' }}>
              {`群里有 ${p.optedOutMembers} 位客户已退订营销消息：群消息无法单独避开他们，他们也会看到这条`}
            </View>
          ) : null}
          <View className="btn-row">
            {editing?.id === p.id ? (
              <>
                <Button
                  className="btn btn-primary"
                  disabled={busy || undefined}
                  onClick={() => act(() => approveGroupPost(p.id, editing.text), '已交给群主发送')}
                >
                  改好了，发送
                </Button>
                <Button className="btn btn-ghost" onClick={() => setEditing(null)}>
                  取消
                </Button>
              </>
            ) : (
              <>
                <Button
                  className="btn btn-primary"
                  disabled={busy || undefined}
                  onClick={() => act(() => approveGroupPost(p.id), '已交给群主发送')}
                >
                  通过
                </Button>
                <Button className="btn btn-ghost" onClick={() => setEditing({ id: p.id, text: p.text })}>
                  修改
                </Button>
                <Button
                  className="btn btn-danger"
                  disabled={busy || undefined}
                  onClick={() => act(() => rejectGroupPost(p.id), '这条不发了')}
                >
                  不发
                </Button>
              </>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
