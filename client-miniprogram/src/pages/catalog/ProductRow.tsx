// One product of the catalogue: its price and stock, one tap 今日售罄 / 恢复供应 for it and for each variant, and the
// stock changed in place; its photo beside its name. Staff see it without the buttons (the server refuses their
// writes too).
import { Button, Image, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { formatFen } from '@xiaoer/common/money';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { useState } from 'react';
import { apiBase } from '../../services/api';
import { call } from '../../services/client';
import {
  CATALOG_EDIT_PAGE,
  isSoldOut,
  priceText,
  stockText,
  typedStock,
  variantLabel,
  variantSoldOut,
  withSoldOut,
  withStock,
} from '../../services/catalog';
import { toast } from '../../components/Toast';

type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

export function ProductRow({
  product: p,
  generated,
  canEdit,
  busy,
  act,
}: {
  product: ProductDto;
  generated: string[];
  canEdit: boolean;
  busy: boolean;
  act: Act;
}) {
  /** which stock is being typed: the product's (-1) or a variant's index */
  const [editing, setEditing] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const soldOut = isSoldOut(p) || (p.variants.length > 0 && p.variants.every(isSoldOut));
  const params = { id: p.id };

  const toggle = () =>
    act(
      () => call(knowledge.products.update, { params, body: withSoldOut(p, !soldOut) }),
      soldOut ? `${p.name} 已恢复供应` : `${p.name} 今日售罄`,
    );
  const toggleVariant = (i: number) => {
    const v = p.variants[i]!;
    const body = variantSoldOut(v, !isSoldOut(v));
    const label = `${p.name} ${variantLabel(v)}`;
    return act(
      () => call(knowledge.setVariantStock, { params, body }),
      isSoldOut(v) ? `${label} 已恢复供应` : `${label} 今日售罄`,
    );
  };
  const startStock = (i: number, stock?: number) => {
    setEditing(i);
    setTyped(stock === undefined ? '' : String(stock));
  };
  const saveStock = () => {
    const checked = typedStock(typed);
    if (!checked.ok) return toast(checked.error);
    const i = editing!;
    setEditing(null);
    if (i < 0)
      return act(() => call(knowledge.products.update, { params, body: withStock(p, checked.stock) }), '库存已更新');
    const body = { options: p.variants[i]!.options, stock: checked.stock ?? null };
    return act(() => call(knowledge.setVariantStock, { params, body }), '库存已更新');
  };
  const stockEditor = (
    <View className="stock-edit">
      <Input
        className="input"
        type="number"
        focus
        value={typed}
        placeholder="不计库存就留空"
        onInput={(e) => setTyped(e.detail.value)}
        onConfirm={() => void saveStock()}
      />
      <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void saveStock()}>
        保存
      </Button>
      <Button className="btn btn-ghost" onClick={() => setEditing(null)}>
        取消
      </Button>
    </View>
  );

  return (
    <View className={`product${soldOut ? ' product-out' : ''}`} data-product={p.name}>
      <View className="product-head">
        {p.photoUrl && <Image className="product-photo" src={apiBase() + p.photoUrl} mode="aspectFill" lazyLoad />}
        <View
          className="product-name"
          onClick={() => canEdit && void Taro.navigateTo({ url: `${CATALOG_EDIT_PAGE}?id=${p.id}` })}
        >
          <Text className="strong">{p.name}</Text>
          {p.tags.map((t) => (
            <Text key={t} className="tag tag-on product-tag">
              {t}
            </Text>
          ))}
          {soldOut && <Text className="tag sold-out">今日售罄</Text>}
        </View>
        <Text className="product-price">{priceText(p)}</Text>
      </View>
      <View className="muted product-meta">
        <Text>{stockText(p)}</Text>
        {canEdit && !p.variants.length && editing === null && (
          <Text className="link" onClick={() => startStock(-1, p.stock)}>
            改库存
          </Text>
        )}
        {canEdit && (
          <Text className="link" onClick={() => void Taro.navigateTo({ url: `${CATALOG_EDIT_PAGE}?id=${p.id}` })}>
            编辑
          </Text>
        )}
      </View>
      {[...p.aliases, ...generated].length > 0 && (
        <View className="muted product-aliases">{`也叫：${[...p.aliases, ...generated].slice(0, 6).join('、')}`}</View>
      )}
      {editing === -1 && stockEditor}
      {p.variants.map((v, i) => (
        <View key={variantLabel(v)} className="variant" data-variant={variantLabel(v)}>
          <View className="variant-line">
            <Text className="variant-name">{variantLabel(v)}</Text>
            <Text className="muted">{`${formatFen(v.price)} · ${stockText(v)}`}</Text>
            {canEdit && (
              <View className="variant-actions">
                <Text className="link" onClick={() => startStock(i, v.stock)}>
                  库存
                </Text>
                <Text
                  className={`tag ${isSoldOut(v) ? 'sold-out' : ''}`}
                  data-toggle={isSoldOut(v) ? '恢复供应' : '今日售罄'}
                  onClick={() => !busy && void toggleVariant(i)}
                >
                  {isSoldOut(v) ? '恢复供应' : '售罄'}
                </Text>
              </View>
            )}
            {!canEdit && isSoldOut(v) && <Text className="tag sold-out">售罄</Text>}
          </View>
          {editing === i && stockEditor}
        </View>
      ))}
      {canEdit && (
        <View className="btn-row">
          <Button
            className={`btn ${soldOut ? 'btn-primary' : 'btn-danger'}`}
            disabled={busy || undefined}
            onClick={() => void toggle()}
          >
            {soldOut ? '恢复供应' : '今日售罄'}
          </Button>
        </View>
      )}
    </View>
  );
}
