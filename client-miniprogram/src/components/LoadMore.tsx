// The foot of a long list: 加载更多 while there is more (how many, when the page knows), nothing once it is all shown.
import { Button, View } from '@tarojs/components';

export function LoadMore({
  more,
  busy,
  left,
  onMore,
}: {
  more: boolean;
  busy?: boolean;
  left?: number;
  onMore: () => void;
}) {
  if (!more) return null;
  return (
    <View className="btn-row" style={{ justifyContent: 'center' }}>
      <Button className="btn btn-ghost" data-load-more disabled={busy || undefined} onClick={onMore}>
        {busy ? '加载中…' : left ? `显示更多（还有 ${left} 个）` : '加载更多'}
      </Button>
    </View>
  );
}
