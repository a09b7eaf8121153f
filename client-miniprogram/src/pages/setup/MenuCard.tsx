// The menu or catalogue: imported from a spreadsheet (its own page), or typed in item by item here.
import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { formatFen } from '@xiaoer/common/money';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { errorsOf, type FieldErrors } from '../../services/form-check';
import { MENU_IMPORT_PAGE, menuItem } from '../../services/knowledge-step';

const EMPTY = { name: '', category: '', price: '' };

export function MenuCard({ products, onChanged }: { products: ProductDto[]; onChanged: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.detail.value }));

  const add = async () => {
    const checked = menuItem(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      await call(knowledge.products.create, { body: checked.value });
      toast(`已添加：${checked.value.name}`, 'success');
      // the category stays: the next item is often in the same one
      setForm({ ...EMPTY, category: form.category });
      onChanged();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="menu">
      <View className="card-title">{`菜单 / 商品（${products.length}）`}</View>
      <View className="muted">顾客问价格、有没有货，小二按这里回答。有表格就导入，没有就一个个录。</View>
      <View className="btn-row">
        <Button className="btn btn-primary" onClick={() => void Taro.navigateTo({ url: MENU_IMPORT_PAGE })}>
          从表格导入菜单
        </Button>
      </View>
      {products.slice(0, 8).map((p) => (
        <View key={p.id} className="field" data-product={p.name}>
          <View>{`${p.name} · ${p.category}`}</View>
          <View className="muted">{formatFen(p.price)}</View>
        </View>
      ))}
      {products.length > 8 && <View className="muted">{`…还有 ${products.length - 8} 项`}</View>}
      <View className="card-subtitle">手动录入</View>
      <Field label="名称" error={errors.name}>
        <Input className="input" value={form.name} maxlength={60} onInput={set('name')} placeholder="如 杨枝甘露" />
      </Field>
      <Field label="分类" error={errors.category}>
        <Input className="input" value={form.category} maxlength={30} onInput={set('category')} placeholder="如 果茶" />
      </Field>
      <Field label="价格（元）" error={errors.price}>
        <Input className="input" type="digit" value={form.price} onInput={set('price')} placeholder="如 18" />
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-ghost" disabled={busy || undefined} onClick={add}>
          添加这一项
        </Button>
      </View>
    </View>
  );
}
