// The shops, one to five, each with the address, phone and parking the bot gives customers who ask, and its own
// opening hours where they differ from the business's (a shop without them follows the business's hours).
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as merchants from '@xiaoer/common/api/merchants';
import { shopInputSchema, type MerchantDto, type ShopDto } from '@xiaoer/common/schemas/merchant';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { WeekSpans, type Span } from '../../components/WeekSpans';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { closedWeekdays } from '../../services/weekdays';

export const MAX_SHOPS = 5;

/** A shop's hours in its card: the business's, or its own with the days it is closed (Monday first). */
export function shopHoursLine(shop: Pick<ShopDto, 'businessHours'>): string {
  if (!shop.businessHours?.length) return '营业时间：同店铺营业时间';
  const closed = closedWeekdays(shop.businessHours);
  return `营业时间：自己的，${closed.length ? `${closed.join('、')}休息` : '每天营业'}`;
}

export function ShopsCard({
  shops,
  businessHours,
  onChanged,
}: {
  shops: ShopDto[];
  /** the business's hours: a shop given its own starts from them */
  businessHours: MerchantDto['businessHours'];
  onChanged: () => void;
}) {
  // which shop's form is open: a shop's id, 'new', or none (a merchant without shops starts on a new one)
  const [editing, setEditing] = useState<string | null>(shops.length === 0 ? 'new' : null);
  const done = () => {
    setEditing(null);
    onChanged();
  };
  return (
    <View className="card" id="shops">
      <View className="card-title">{`门店（${shops.length}/${MAX_SHOPS}）`}</View>
      <View className="muted">顾客问地址、电话时，小二按这里回答。</View>
      {shops.map((shop) =>
        editing === shop.id ? (
          <ShopForm
            key={shop.id}
            shop={shop}
            businessHours={businessHours}
            onDone={done}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <View key={shop.id} className="field" data-shop={shop.name}>
            <View style={{ minWidth: 0 }}>
              <View>{shop.name}</View>
              <View className="muted">{shop.address ?? '缺地址'}</View>
              <View className="muted">{shop.phone ?? '缺电话'}</View>
              {shop.parking && <View className="muted">{`停车：${shop.parking}`}</View>}
              <View className="muted">{shopHoursLine(shop)}</View>
            </View>
            <Text className="tag tag-on" onClick={() => setEditing(shop.id)}>
              修改
            </Text>
          </View>
        ),
      )}
      {editing === 'new' ? (
        <ShopForm
          businessHours={businessHours}
          onDone={done}
          onCancel={shops.length ? () => setEditing(null) : undefined}
        />
      ) : (
        shops.length < MAX_SHOPS && (
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => setEditing('new')}>
              添加门店
            </Button>
          </View>
        )
      )}
    </View>
  );
}

function ShopForm({
  shop,
  businessHours,
  onDone,
  onCancel,
}: {
  shop?: ShopDto;
  businessHours: MerchantDto['businessHours'];
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState({
    name: shop?.name ?? '',
    address: shop?.address ?? '',
    phone: shop?.phone ?? '',
    parking: shop?.parking ?? '',
  });
  // own hours: off follows the business's; on starts from the shop's own, else from the business's
  const [own, setOwn] = useState(Boolean(shop?.businessHours?.length));
  const [spans, setSpans] = useState<Span[]>(shop?.businessHours?.length ? shop.businessHours : businessHours);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.detail.value }));

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toast(done, 'success');
      onDone();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    // always sent: a save without them would drop the shop's own hours
    if (own && spans.length === 0) return setErrors({ businessHours: '这家店自己的营业时间至少要有一天营业' });
    const checked = checkForm(shopInputSchema, { ...form, businessHours: own ? spans : [] });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const body = checked.value;
    return run(
      () => (shop ? call(merchants.updateShop, { params: { id: shop.id }, body }) : call(merchants.addShop, { body })),
      shop ? '门店已保存' : '门店已添加',
    );
  };
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: `删除「${shop!.name}」？`, content: '删除后顾客将问不到这家店' });
    if (confirm) await run(() => call(merchants.removeShop, { params: { id: shop!.id } }), '门店已删除');
  };

  return (
    <View className="list-item" data-shop-form={shop?.name ?? 'new'}>
      <Field label="门店名称" error={errors.name}>
        <Input className="input" placeholder="如：春熙路店" maxlength={50} value={form.name} onInput={set('name')} />
      </Field>
      <Field label="地址" error={errors.address}>
        <Input
          className="input"
          placeholder="如：成都市锦江区春熙路 88 号"
          maxlength={200}
          value={form.address}
          onInput={set('address')}
        />
      </Field>
      <Field label="电话" error={errors.phone}>
        <Input
          className="input"
          type="text"
          placeholder="手机号，或带区号的座机"
          maxlength={30}
          value={form.phone}
          onInput={set('phone')}
        />
      </Field>
      <Field label="停车（选填）" error={errors.parking}>
        <Input
          className="input"
          placeholder="如：商场 B2 停车场，消费满 50 元免费 2 小时"
          maxlength={200}
          value={form.parking}
          onInput={set('parking')}
        />
      </Field>
      <View className="field" data-role="own-hours">
        <Text>这家店营业时间和店铺不同</Text>
        <Switch checked={own} color="#07c160" onChange={(e) => setOwn(e.detail.value)} />
      </View>
      {own && <WeekSpans spans={spans} onChange={setSpans} />}
      <FormError error={errors.businessHours ?? errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={save}>
          {shop ? '保存门店' : '添加这家门店'}
        </Button>
        {onCancel && (
          <Button className="btn btn-ghost" onClick={onCancel}>
            取消
          </Button>
        )}
        {shop && (
          <Button className="btn btn-danger" disabled={busy || undefined} onClick={remove}>
            删除
          </Button>
        )}
      </View>
    </View>
  );
}
