// The catalogue from the phone: products by category, found by any name customers use (the owner's aliases and the
// ones the bot makes from the name); one tap 今日售罄 / 恢复供应 for a product or one variant, stock changed in place.
// Managers and owners edit; staff read. The whole menu is read (a search matches any name), shown 30 at a time.
import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { useState } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { useShown } from '../../hooks/usePages';
import { CATALOG_EDIT_PAGE, byCategory, matches } from '../../services/catalog';
import { call } from '../../services/client';
import { MENU_IMPORT_PAGE } from '../../services/knowledge-step';
import { sessionStore } from '../../services/session';
import { ProductRow } from './ProductRow';
import './catalog.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });
const PAGE_SIZE = 30;

export default function Catalog() {
  const [query, setQuery] = useState('');
  const canEdit = sessionStore.get()?.staff.role !== 'staff';
  const { data, error, loading, reload } = useAsync(async () => {
    const [products, aliases] = await Promise.all([call(knowledge.products.list), call(knowledge.productAliases)]);
    return { products: products.items, generated: new Map(aliases.items.map((a) => [a.id, a.generated])) };
  });
  Taro.useDidShow(() => void reload());
  const { busy, act } = useAction(reload);

  const found = (data?.products ?? []).filter((p) => matches(p, data?.generated.get(p.id) ?? [], query));
  // shown in the page's order (by category, then name), so 显示更多 continues where the list stopped
  const groups = byCategory(found);
  const ordered = groups.flatMap((g) => g.products);
  const { shown, left, showMore } = useShown(ordered, PAGE_SIZE, `${query}:${data?.products.length}`);
  // a category's count is all of it, not just what is shown yet
  const inCategory = new Map(groups.map((g) => [g.category, g.products.length]));
  return (
    <View className="page narrow">
      {canEdit && (
        <View className="btn-row catalog-links">
          <Button className="btn btn-primary" onClick={go(CATALOG_EDIT_PAGE)}>
            新增商品
          </Button>
          <Button className="btn btn-ghost" onClick={go('/pages/catalog/faq')}>
            问答与规定
          </Button>
          <Button className="btn btn-ghost" onClick={go('/pages/catalog/history')}>
            修改记录
          </Button>
        </View>
      )}
      <Input
        className="input"
        placeholder="搜索商品名、别名或拼音"
        value={query}
        onInput={(e) => setQuery(e.detail.value)}
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {data && !data.products.length && (
        <Empty
          title="还没有商品"
          hint={canEdit ? '点「新增商品」一个个录，或从表格导入整份菜单' : '请老板或店长录入菜单'}
        />
      )}
      {data && !data.products.length && canEdit && (
        <View className="btn-row">
          <Button className="btn btn-ghost" onClick={go(MENU_IMPORT_PAGE)}>
            从表格导入菜单
          </Button>
        </View>
      )}
      {data && data.products.length > 0 && !found.length && (
        <Empty title="没有找到" hint="换个叫法试试，或清空搜索看全部商品" />
      )}
      {byCategory(shown).map((group) => (
        <View key={group.category}>
          <View className="category-title">{`${group.category}（${inCategory.get(group.category)}）`}</View>
          <View className="card">
            {group.products.map((p) => (
              <ProductRow
                key={p.id}
                product={p}
                generated={data?.generated.get(p.id) ?? []}
                canEdit={canEdit}
                busy={busy}
                act={act}
              />
            ))}
          </View>
        </View>
      ))}
      <LoadMore more={left > 0} left={left} onMore={showMore} />
    </View>
  );
}
