// The merchant's own automatic tags: each rule lists its conditions; a rule being written shows how many customers
// it would tag before it is saved (the server counts with the same figures the tagging uses); 立即应用 re-tags now.
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as api from '@xiaoer/common/api/tag-rules';
import { BUILT_IN_AUTO_TAGS, type TagRuleDto } from '@xiaoer/common/schemas/tag-rule';
import { useEffect, useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { Empty, ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { errorsOf, type FieldErrors } from '../../services/form-check';
import { checkRule, emptyRuleForm, ruleForm, ruleSummary, type TagRuleForm } from '../../services/tag-rule-form';

const PREVIEW_AFTER_MS = 400;

export default function TagRules() {
  const rules = useAsync(() => call(api.tagRules));
  const [editing, setEditing] = useState<{ id?: string; form: TagRuleForm } | null>(null);
  const { busy, act } = useAction(rules.reload);
  /** what the last 立即应用 did, kept on the page (the toast only says it is done) */
  const [applied, setApplied] = useState<string>();
  const apply = () =>
    act(async () => {
      const res = await call(api.applyTagRules);
      setApplied(`已检查 ${res.customers} 位客户，${res.changed} 位的标签有变化`);
    }, '已应用');
  const remove = async (r: TagRuleDto) => {
    const { confirm } = await Taro.showModal({
      title: `删除「${r.tag}」规则？`,
      content: '客户身上的这个标签会在下次自动打标签时去掉',
      confirmText: '删除',
    });
    if (confirm) await act(() => call(api.deleteTagRule, { params: { id: r.id } }), '已删除');
  };
  return (
    <View className="page">
      <View className="narrow">
        <View className="card">
          <View className="card-title">自动标签</View>
          <View className="muted">
            {`小二每 6 小时按规则给客户打标签，不符合的会去掉。内置标签：${BUILT_IN_AUTO_TAGS.join('、')}。`}
          </View>
          {applied && (
            <View className="muted" data-applied>
              {applied}
            </View>
          )}
          <View className="btn-row">
            <Button className="btn" disabled={!!editing} onClick={() => setEditing({ form: emptyRuleForm })}>
              新建规则
            </Button>
            <Button className="btn btn-ghost" disabled={busy || !rules.data?.items.length} onClick={() => void apply()}>
              立即应用到全部客户
            </Button>
          </View>
        </View>
        {editing && !editing.id && (
          <RuleEditor
            key="new"
            initial={editing.form}
            onDone={() => {
              setEditing(null);
              void rules.reload();
            }}
          />
        )}
        {rules.error && <ErrorState error={rules.error} onRetry={rules.reload} />}
        {!rules.data && rules.loading && <Loading />}
        {rules.data && !rules.data.items.length && !editing && (
          <Empty title="还没有自己的规则" hint="例如：近一年消费满 500 元的客户打上「老主顾」" />
        )}
        {rules.data?.items.map((r) =>
          editing?.id === r.id ? (
            <RuleEditor
              key={r.id}
              id={r.id}
              initial={editing.form}
              onDone={() => {
                setEditing(null);
                void rules.reload();
              }}
            />
          ) : (
            <View key={r.id} className="card" data-rule={r.tag}>
              <View className="row">
                <Text style={{ fontWeight: 600 }}>{r.tag}</Text>
                <Text className="muted">{r.enabled ? '启用中' : '已停用'}</Text>
              </View>
              <View className="muted">{ruleSummary(r)}</View>
              <View className="btn-row">
                <Button
                  className="btn btn-ghost"
                  disabled={!!editing}
                  onClick={() => setEditing({ id: r.id, form: ruleForm(r) })}
                >
                  编辑
                </Button>
                <Button className="btn btn-ghost" disabled={busy} onClick={() => void remove(r)}>
                  删除
                </Button>
              </View>
            </View>
          ),
        )}
      </View>
    </View>
  );
}

/** One rule being written: the conditions, the live count of customers it would tag, save or cancel. */
function RuleEditor({ id, initial, onDone }: { id?: string; initial: TagRuleForm; onDone: () => void }) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<{ customers: number; matches: number } | 'checking' | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof TagRuleForm>(key: K, value: TagRuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    const checked = checkRule(form);
    if (!checked.ok) return setPreview(null);
    setPreview('checking');
    let current = true;
    const timer = setTimeout(() => {
      call(api.previewTagRule, { body: checked.value })
        .then((res) => current && setPreview(res))
        .catch(() => current && setPreview(null));
    }, PREVIEW_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [form]);

  const save = async () => {
    const checked = checkRule(form);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      if (id) await call(api.updateTagRule, { params: { id }, body: checked.value });
      else await call(api.createTagRule, { body: checked.value });
      toast('已保存', 'success');
      onDone();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setSaving(false);
    }
  };

  const input = (key: Exclude<keyof TagRuleForm, 'enabled'>, placeholder: string, type: 'text' | 'digit' = 'digit') => (
    <Input
      className="input"
      type={type}
      placeholder={placeholder}
      value={form[key]}
      data-field={key}
      onInput={(e) => set(key, e.detail.value)}
    />
  );
  return (
    <View className="card" data-editor={id ?? 'new'}>
      <View className="card-title">{id ? `编辑「${initial.tag}」` : '新建规则'}</View>
      <Field label="标签名" error={errors.tag}>
        {input('tag', '例如：老主顾', 'text')}
      </Field>
      <View className="muted">以下条件至少填一个，客户要全部满足才会打上标签</View>
      <Field label="近一年消费满（元）" error={errors.minSpendYuan}>
        {input('minSpendYuan', '例如 500')}
      </Field>
      <Field label="近一年到店至少（次）" error={errors.minVisits}>
        {input('minVisits', '例如 3')}
      </Field>
      <Field label="至少多少天没来" error={errors.minIdleDays}>
        {input('minIdleDays', '例如 30')}
      </Field>
      <Field label="最多多少天没来" error={errors.maxIdleDays}>
        {input('maxIdleDays', '例如 60')}
      </Field>
      <Field label="近一年买过的商品" error={errors.boughtItem}>
        {input('boughtItem', '和菜单上的名字一样，例如 杨枝甘露', 'text')}
      </Field>
      <Field label="近 90 天在微信客服说过" error={errors.keyword}>
        {input('keyword', '例如 生日', 'text')}
      </Field>
      <View className="row">
        <Text>启用</Text>
        <Switch checked={form.enabled} color="#07c160" onChange={(e) => set('enabled', e.detail.value)} />
      </View>
      <View className="muted" data-preview aria-live="polite">
        {preview === null
          ? '填好条件后，这里会显示有多少位客户符合'
          : preview === 'checking'
            ? '正在计算符合的客户…'
            : `现在有 ${preview.matches} 位客户符合（共 ${preview.customers} 位）`}
      </View>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn" disabled={saving} onClick={() => void save()}>
          保存
        </Button>
        <Button className="btn btn-ghost" disabled={saving} onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  );
}
