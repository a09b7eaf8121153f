// A product created or changed: name, category, price (yuan as people type it), variants each with its own price and
// stock, attributes, aliases (beside the names the bot already knows it by, read-only), 新品 / 爆款 and a
// description. Checked with the server's schema before sending; each field's Chinese message under it. The photo is
// saved on its own (PhotoField), once the product exists.
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { useEffect, useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { QUICK_TAGS, checkProduct, productForm, type ProductForm, type VariantRow } from '../../services/catalog';
import { call } from '../../services/client';
import { errorsOf, type FieldErrors } from '../../services/form-check';
import { PhotoField } from './PhotoField';
import './catalog.scss';

const NEW_VARIANT: VariantRow = { options: '', price: '', stock: '', available: true };

export default function EditProduct() {
  const id = useRouter().params.id;
  const loaded = useAsync(async () => {
    if (!id) return { product: undefined, generated: [] as string[] };
    const [products, aliases] = await Promise.all([call(knowledge.products.list), call(knowledge.productAliases)]);
    const product = products.items.find((p) => p.id === id);
    if (!product) throw new Error('没有找到这个商品，可能已被删除');
    return { product, generated: aliases.items.find((a) => a.id === id)?.generated ?? [] };
  }, [id]);
  const [form, setForm] = useState<ProductForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  /** the product as its latest photo change answered */
  const [photoOf, setPhotoOf] = useState<ProductDto>();
  useEffect(() => {
    if (loaded.data && !form) setForm(productForm(loaded.data.product));
  }, [loaded.data, form]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!form) return <Loading />;

  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => setForm({ ...form, [key]: value });
  const text = (key: 'name' | 'category' | 'price' | 'stock' | 'description' | 'attributes' | 'aliases') => ({
    value: form[key],
    onInput: (e: { detail: { value: string } }) => set(key, e.detail.value),
  });
  const setVariant = (i: number, change: Partial<VariantRow>) =>
    set(
      'variants',
      form.variants.map((v, j) => (j === i ? { ...v, ...change } : v)),
    );
  const toggleTag = (tag: string) =>
    set('tags', form.tags.includes(tag) ? form.tags.filter((t) => t !== tag) : [...form.tags, tag]);

  const save = async () => {
    const checked = checkProduct(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return toast('有几项要改一下，见红字');
    }
    setErrors({});
    setBusy(true);
    try {
      if (id) await call(knowledge.products.update, { params: { id }, body: checked.value });
      else await call(knowledge.products.create, { body: checked.value });
      toast('已保存，小二马上按新的回答', 'success');
      void Taro.navigateBack();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: `删除「${form.name}」？`,
      content: '顾客再问时小二会说没有这个商品；可以在「修改记录」里撤销',
    });
    if (!confirm || !id) return;
    try {
      await call(knowledge.products.remove, { params: { id } });
      toast('已删除', 'success');
      void Taro.navigateBack();
    } catch (err) {
      toast((err as Error).message);
    }
  };

  const generated = loaded.data?.generated ?? [];
  return (
    <View className="page narrow">
      <View className="card">
        <PhotoField product={photoOf ?? loaded.data?.product} onChanged={setPhotoOf} />
        <Field label="名称" error={errors.name}>
          <Input className="input" maxlength={60} placeholder="如 多肉葡萄" {...text('name')} />
        </Field>
        <Field label="分类" error={errors.category}>
          <Input className="input" maxlength={30} placeholder="如 鲜果茶" {...text('category')} />
        </Field>
        {!form.variants.length && (
          <>
            <Field label="价格（元）" error={errors.price}>
              <Input className="input" type="digit" placeholder="如 18 或 18.5" {...text('price')} />
            </Field>
            <Field label="库存（不计库存就留空）" error={errors.stock}>
              <Input className="input" type="number" placeholder="如 20" {...text('stock')} />
            </Field>
          </>
        )}
        <View className="field">
          <Text className="switch-label">在售（关掉即今日售罄）</Text>
          <Switch checked={form.available} color="#07c160" onChange={(e) => set('available', e.detail.value)} />
        </View>
      </View>

      <View className="card">
        <View className="card-title">规格（各自的价格和库存）</View>
        <View className="muted">如 中杯 / 大杯，或 颜色=黄色, 尺码=L。有规格时按规格的价格卖。</View>
        <FormError error={errors.variants} />
        {form.variants.map((v, i) => (
          <View key={i} className="row-editor" data-variant-row={i}>
            <Field
              label={`规格 ${i + 1}`}
              error={errors[`variants.${i}.options`] ?? errors[`variants.${i}.options.0.value`]}
            >
              <Input
                className="input"
                placeholder="如 大杯，或 颜色=黄色, 尺码=L"
                value={v.options}
                onInput={(e) => setVariant(i, { options: e.detail.value })}
              />
            </Field>
            <View className="pair">
              <Field label="价格（元）" error={errors[`variants.${i}.price`]}>
                <Input
                  className="input"
                  type="digit"
                  value={v.price}
                  onInput={(e) => setVariant(i, { price: e.detail.value })}
                />
              </Field>
              <Field label="库存" error={errors[`variants.${i}.stock`]}>
                <Input
                  className="input"
                  type="number"
                  placeholder="不计留空"
                  value={v.stock}
                  onInput={(e) => setVariant(i, { stock: e.detail.value })}
                />
              </Field>
            </View>
            <View className="product-meta">
              <Text className="link" onClick={() => setVariant(i, { available: !v.available })}>
                {v.available ? '在售（点一下设为售罄）' : '已售罄（点一下恢复）'}
              </Text>
              <Text
                className="link"
                onClick={() =>
                  set(
                    'variants',
                    form.variants.filter((_, j) => j !== i),
                  )
                }
              >
                删除这个规格
              </Text>
            </View>
          </View>
        ))}
        <View className="btn-row">
          <Button className="btn btn-ghost" onClick={() => set('variants', [...form.variants, NEW_VARIANT])}>
            添加规格
          </Button>
        </View>
      </View>

      <View className="card">
        <Field label="标签" error={errors.tags}>
          <View>
            {QUICK_TAGS.map((t) => (
              <Text key={t} className={`tag ${form.tags.includes(t) ? 'tag-on' : ''}`} onClick={() => toggleTag(t)}>
                {form.tags.includes(t) ? `✓ ${t}` : t}
              </Text>
            ))}
          </View>
        </Field>
        <Field label="属性（一行一项，如 产地=云南）" error={errors.attributes ?? firstError(errors, 'attributes.')}>
          <Textarea
            className="textarea"
            maxlength={2000}
            placeholder={'产地=云南\n保质期=2 小时'}
            {...text('attributes')}
          />
        </Field>
        <Field label="别名（顾客的其他叫法，一行一个）" error={errors.aliases ?? firstError(errors, 'aliases.')}>
          <Textarea className="textarea" maxlength={800} placeholder="如 葡萄冻" {...text('aliases')} />
        </Field>
        {generated.length > 0 && (
          <View className="muted product-aliases" data-generated>
            {`小二已自动认得：${generated.join('、')}`}
          </View>
        )}
        <Field label="介绍" error={errors.description}>
          <Textarea className="textarea" maxlength={500} placeholder="口味、做法、适合谁" {...text('description')} />
        </Field>
      </View>

      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void save()}>
          保存
        </Button>
        {id && (
          <Button className="btn btn-danger" onClick={() => void remove()}>
            删除
          </Button>
        )}
      </View>
    </View>
  );
}

/** The first message of a list's items (attributes.2.value → shown under the list's one box). */
const firstError = (errors: FieldErrors, prefix: string) =>
  Object.entries(errors).find(([key]) => key.startsWith(prefix))?.[1];
