// The owner's approvals between customers: drafts grouped by scenario, each with its customer and why it was written;
// approve as is, edit then approve, or not send; a whole group at once. Sent ones show how they went. Twenty at a
// time, newest first, 加载更多 for older ones.
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { usePages } from '../../hooks/usePages';
import {
  approveDraft,
  approveMany,
  askToNotifyResults,
  groupByScenario,
  draftsPage,
  rejectDraft,
  STATUS_TEXT,
  type Draft,
} from '../../services/drafts';
import { shortTime } from '../../services/format';
import { GroupPosts } from './GroupPosts';

const TABS = [
  { key: 'pending', label: '待审核' },
  { key: 'groups', label: '群发' },
  { key: 'done', label: '已处理' },
] as const;

export default function Drafts() {
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('pending');
  const {
    items: data,
    error,
    loading,
    reload,
    hasMore,
    loadingMore,
    loadMore,
  } = usePages(
    (cursor) =>
      tab === 'groups' ? Promise.resolve({ items: [] }) : draftsPage(tab === 'pending' ? 'pending' : 'handled', cursor),
    [tab],
  );
  Taro.useDidShow(() => void reload());
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const { busy, act } = useAction(async () => {
    setEditing(null);
    await reload();
  });
  const approve = (d: Draft, text?: string) =>
    act(async () => (await askToNotifyResults(), approveDraft(d.id, text)), '已通过');
  const approveGroup = (ids: string[]) =>
    act(async () => {
      await askToNotifyResults();
      const { results } = await approveMany(ids);
      const failed = results.filter((r) => r.error).length;
      if (failed) throw new Error(`${ids.length - failed} 条已通过，${failed} 条没成功`);
    }, `${ids.length} 条已通过`);

  return (
    <View className="page">
      <View className="segments">
        {TABS.map((t) => (
          <View key={t.key} className={`segment ${tab === t.key ? 'segment-on' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      {tab === 'groups' && (
        <View className="card">
          <View className="row">
            <Text>按标签、阶段给客户群发，每位员工只需确认一次</Text>
            <Button className="btn btn-primary" onClick={() => Taro.navigateTo({ url: '/pages/campaigns/new' })}>
              新建群发
            </Button>
          </View>
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => Taro.navigateTo({ url: '/pages/campaigns/index' })}>
              群发记录
            </Button>
          </View>
        </View>
      )}
      {tab === 'groups' && <GroupPosts />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {tab !== 'groups' && data && !data.length && (
        <Empty
          title={tab === 'pending' ? '没有待审核的草稿' : '还没有处理过的草稿'}
          hint="小二每天上午按你的场景设置写好草稿，出现在这里"
        />
      )}
      {data &&
        groupByScenario(data).map((group) => (
          <View key={group.scenario}>
            <View className="row" style={{ margin: '8px 4px 16px' }}>
              <Text className="card-title" style={{ marginBottom: 0 }}>
                {group.name} · {group.drafts.length}
              </Text>
              {tab === 'pending' && group.drafts.length > 1 && (
                <Button
                  className="btn btn-ghost"
                  disabled={busy || undefined}
                  onClick={() => approveGroup(group.drafts.map((d) => d.id))}
                >
                  {/* what the owner has read is what goes: with more still to load, the count says how many */}
                  {hasMore ? `通过这 ${group.drafts.length} 条` : '全部通过'}
                </Button>
              )}
            </View>
            {group.drafts.map((d) => (
              <View className="card" key={d.id} data-draft={d.id}>
                <View className="row">
                  <Text style={{ fontWeight: 600 }}>{d.customer.name}</Text>
                  <Text className="muted">{tab === 'pending' ? shortTime(d.createdAt) : STATUS_TEXT[d.status]}</Text>
                </View>
                <View className="muted" style={{ margin: '8px 0 12px' }}>
                  为什么写：{d.reason}
                  {d.writtenBy === 'llm' ? ' · AI 润色' : ''}
                </View>
                {editing?.id === d.id ? (
                  <Textarea
                    className="textarea"
                    value={editing.text}
                    maxlength={1000}
                    onInput={(e) => setEditing({ id: d.id, text: e.detail.value })}
                  />
                ) : (
                  <View className="summary">{d.text}</View>
                )}
                {d.error && <View className="up">{d.error}</View>}
                {d.status === 'approved' && d.sendAfter && (
                  <View className="muted">
                    {d.audit.at(-1)?.action === 'held_for_batch'
                      ? `等同类草稿审核完后合并发送，最晚 ${shortTime(d.sendAfter)}`
                      : `免打扰时段，${shortTime(d.sendAfter)} 后自动发送`}
                  </View>
                )}
                {tab === 'pending' && (
                  <View className="btn-row">
                    {editing?.id === d.id ? (
                      <>
                        <Button
                          className="btn btn-primary"
                          disabled={busy || undefined}
                          onClick={() => approve(d, editing.text)}
                        >
                          改好了，发送
                        </Button>
                        <Button className="btn btn-ghost" onClick={() => setEditing(null)}>
                          取消
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => approve(d)}>
                          通过
                        </Button>
                        <Button className="btn btn-ghost" onClick={() => setEditing({ id: d.id, text: d.text })}>
                          修改
                        </Button>
                        <Button
                          className="btn btn-danger"
                          disabled={busy || undefined}
                          onClick={() => act(() => rejectDraft(d.id), '这条不发了')}
                        >
                          不发
                        </Button>
                      </>
                    )}
                  </View>
                )}
              </View>
            ))}
          </View>
        ))}
      <LoadMore more={hasMore} busy={loadingMore} onMore={() => void loadMore()} />
    </View>
  );
}
