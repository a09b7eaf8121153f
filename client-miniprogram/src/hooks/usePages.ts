// A list that comes a page at a time: the first page loads like any page's data (useAsync: loading, error, reload),
// 加载更多 appends the next one from the server's cursor. A reload starts again from the first page. With `LoadMore`
// this is how every long list of the console pages.
import { useEffect, useState } from 'react';
import { toast } from '../components/Toast';
import { useAsync } from './useAsync';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export function usePages<T>(loadPage: (cursor?: string) => Promise<Page<T>>, deps: unknown[] = []) {
  const first = useAsync(() => loadPage(), deps);
  const [more, setMore] = useState<Page<T>>({ items: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore({ items: [], nextCursor: first.data?.nextCursor }), [first.data]);

  const loadMore = async () => {
    if (!more.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await loadPage(more.nextCursor);
      setMore((m) => ({ items: [...m.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };
  const items = first.data && [...first.data.items, ...more.items];
  return { ...first, items, hasMore: Boolean(more.nextCursor), loadingMore, loadMore };
}

/**
 * A list the page already holds whole (a menu searched by any name customers use), shown `size` at a time; back to
 * the first `size` when `resetOn` changes (a new search).
 */
export function useShown<T>(list: T[], size: number, resetOn: unknown) {
  const [count, setCount] = useState(size);
  useEffect(() => setCount(size), [resetOn, size]);
  return {
    shown: list.slice(0, count),
    left: Math.max(0, list.length - count),
    showMore: () => setCount(count + size),
  };
}
