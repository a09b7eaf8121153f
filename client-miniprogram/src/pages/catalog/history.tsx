// Who changed the menu, FAQ, policies and scripts, and when; each item's latest change can be undone (after the
// owner confirms), and the undo shows up here too, by whoever made it. Twenty at a time, 加载更多 for older ones.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import type { KnowledgeChangeDto } from '@xiaoer/common/schemas/knowledge-item';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { usePages } from '../../hooks/usePages';
import { call } from '../../services/client';
import { shortTime } from '../../services/format';
import { actionText, changedText, itemTitle, undoable } from '../../services/knowledge-history';
import './catalog.scss';

export default function History() {
  const {
    items: loaded,
    error,
    loading,
    reload,
    hasMore,
    loadingMore,
    loadMore,
  } = usePages((cursor) => call(knowledge.history, { query: { limit: 20, cursor } }));
  Taro.useDidShow(() => void reload());
  const { busy, act } = useAction(reload);

  const undo = async (c: KnowledgeChangeDto) => {
    const { confirm } = await Taro.showModal({
      title: `撤销这次${actionText(c)}？`,
      content: `「${itemTitle(c)}」会回到这次修改之前的样子`,
    });
    if (confirm) await act(() => call(knowledge.undoChange, { params: { id: c.id } }), '已撤销');
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!loaded && loading) return <Loading />;
  const items = loaded ?? [];
  const canUndo = undoable(items);
  return (
    <View className="page narrow">
      <View className="muted" style={{ marginBottom: '16px' }}>
        新的在前。每条资料可以撤销它最近的一次修改。
      </View>
      {!items.length && <Empty title="还没有修改记录" hint="改菜单、问答或规定后，这里会记下谁在什么时候改了什么" />}
      {items.length > 0 && (
        <View className="card">
          {items.map((c) => (
            <View key={c.id} className="change" data-change={c.id}>
              <View className="product-head">
                <View className="product-name">
                  <Text className="strong">{`${actionText(c)}：${itemTitle(c)}`}</Text>
                </View>
                {canUndo.has(c.id) && (
                  <Text className="link" data-undo={itemTitle(c)} onClick={() => !busy && void undo(c)}>
                    撤销
                  </Text>
                )}
              </View>
              <View className="change-detail">
                {[shortTime(c.at), c.staffName ?? '已不在店里的成员', changedText(c)].filter(Boolean).join(' · ')}
              </View>
            </View>
          ))}
        </View>
      )}
      <LoadMore more={hasMore} busy={loadingMore} onMore={() => void loadMore()} />
    </View>
  );
}
