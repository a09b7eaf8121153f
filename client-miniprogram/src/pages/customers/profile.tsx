// A customer's profile: what their visits say, the details editable by role (staff: remark, notes and a first phone
// number; managers and owners: phone, birthday, member number), opt-out (anyone, with a reason; cleared only by the
// owner, with a reason), 为什么没联系他 (the contact policy's reasons, as the sender weighs them) and the timeline.
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import * as customers from '@xiaoer/common/api/customers';
import { roleAtLeast } from '@xiaoer/common/constants/roles';
import { formatFen } from '@xiaoer/common/money';
import { customerUpdateSchema, type CustomerDto, type TimelineEntryDto } from '@xiaoer/common/schemas/customer';
import { useEffect, useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { Empty, ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { shortTime } from '../../services/format';
import { sessionStore } from '../../services/session';

const TIMELINE_PAGE = 20;
const KIND_LABELS: Record<TimelineEntryDto['kind'], string> = {
  order: '订单',
  appointment: '预约',
  attendance: '上课',
  review: '评价',
  message_in: '客户消息',
  message_out: '店里回复',
  draft_sent: '主动消息',
};

interface DetailsForm {
  remark: string;
  phone: string;
  birthday: string;
  memberNo: string;
}
const detailsOf = (c: CustomerDto): DetailsForm => ({
  remark: c.remark ?? '',
  phone: c.phone ?? '',
  birthday: c.birthday ?? '',
  memberNo: c.memberNo ?? '',
});

/** Only what changed, so staff saving a remark do not send the masked phone back. */
function changes(before: DetailsForm, after: DetailsForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(after) as (keyof DetailsForm)[])
    if (after[key].trim() !== before[key] && after[key].trim() !== '') out[key] = after[key].trim();
  return out;
}

export default function CustomerProfile() {
  const id = useRouter().params.id ?? '';
  const role = sessionStore.get()?.staff.role ?? 'staff';
  const manager = roleAtLeast(role, 'manager');
  const profile = useAsync(() => call(customers.profile, { params: { id } }), [id]);
  const why = useAsync(() => call(customers.whyNotContacted, { params: { id } }), [id]);
  const [timeline, setTimeline] = useState<{ items: TimelineEntryDto[]; nextCursor?: string; loaded: boolean }>({
    items: [],
    loaded: false,
  });
  const [form, setForm] = useState<DetailsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const loadTimeline = async (cursor?: string) => {
    const page = await call(customers.timeline, { params: { id }, query: { limit: TIMELINE_PAGE, cursor } });
    setTimeline((t) => ({
      items: cursor ? [...t.items, ...page.items] : page.items,
      nextCursor: page.nextCursor,
      loaded: true,
    }));
  };
  useEffect(() => {
    loadTimeline().catch((err: Error) => toast(err.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  const customer = profile.data?.customer;
  useEffect(() => {
    if (customer) setForm(detailsOf(customer));
  }, [customer]);

  if (profile.error) return <ErrorState error={profile.error} onRetry={profile.reload} />;
  if (!profile.data || !customer || !form) return <Loading />;
  const { insights } = profile.data;

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toast(done, 'success');
      await Promise.all([profile.reload(), why.reload(), loadTimeline()]);
    } catch (err) {
      const fields = errorsOf(err);
      setErrors(fields);
      toast(fields._ ?? '有几项要改一下，见红字');
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const body = changes(detailsOf(customer), form);
    if (!Object.keys(body).length) return toast('没有要保存的修改');
    const checked = checkForm(customerUpdateSchema, body);
    if (!checked.ok) {
      setErrors(checked.errors);
      return toast('有几项要改一下，见红字');
    }
    setErrors({});
    void run(() => call(customers.save, { params: { id }, body: checked.value }), '已保存');
  };
  const optOut = (optedOut: boolean) => {
    if (reason.trim().length < 2) return setErrors({ optOutReason: '请写明原因' });
    void run(
      () => call(customers.save, { params: { id }, body: { optedOut, optOutReason: reason.trim() } }),
      optedOut ? '已标记退订，不再给他发营销消息' : '已恢复接收',
    ).then(() => setReason(''));
  };
  const set = (key: keyof DetailsForm) => ({
    value: form[key],
    onInput: (e: { detail: { value: string } }) => setForm({ ...form, [key]: e.detail.value }),
  });

  return (
    <View className="page narrow">
      <View className="card">
        <View className="row">
          <Text style={{ fontWeight: 600, fontSize: '18px' }}>{customer.remark || customer.name}</Text>
          <Text className="muted">{customer.optedOut ? '已退订' : insights.lifecycle}</Text>
        </View>
        <View className="muted" style={{ lineHeight: 1.7 }}>
          {`消费 ${formatFen(insights.totalSpend)} · ${insights.visits} 次`}
          {insights.averageIntervalDays ? ` · 约 ${insights.averageIntervalDays} 天来一次` : ''}
        </View>
        {customer.tags.length > 0 && (
          <View>
            {customer.tags.map((t) => (
              <Text key={t} className="tag">
                {t}
              </Text>
            ))}
          </View>
        )}
      </View>

      <View className="card" data-section="details">
        <View className="card-title">资料</View>
        <Field label="备注名" error={errors.remark}>
          <Input className="input" maxlength={50} placeholder="如 王姐（周末常来）" {...set('remark')} />
        </Field>
        <Field label="手机号" error={errors.phone}>
          <Input
            className="input"
            type="number"
            maxlength={11}
            disabled={!manager && Boolean(customer.phone)}
            placeholder="11 位手机号，订单靠它认出客户"
            {...set('phone')}
          />
        </Field>
        <Field label="生日" error={errors.birthday}>
          <Input className="input" disabled={!manager} placeholder="如 1995-08-17" {...set('birthday')} />
        </Field>
        <Field label="会员号" error={errors.memberNo}>
          <Input
            className="input"
            disabled={!manager}
            maxlength={32}
            placeholder="收银系统里的会员号"
            {...set('memberNo')}
          />
        </Field>
        {!manager && <View className="muted">生日、会员号和已记录的手机号由店长或老板修改</View>}
        <FormError error={errors._} />
        <View className="btn-row">
          <Button className="btn btn-primary" disabled={busy} onClick={save}>
            保存资料
          </Button>
        </View>
      </View>

      <View className="card" data-section="notes">
        <View className="card-title">跟进记录</View>
        <Textarea
          className="textarea"
          maxlength={500}
          placeholder="如 说下周带朋友来"
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <View className="btn-row">
          <Button
            className="btn btn-ghost"
            disabled={busy || !note.trim()}
            onClick={() =>
              void run(() => call(customers.addNote, { params: { id }, body: { text: note.trim() } }), '已记下').then(
                () => setNote(''),
              )
            }
          >
            记一笔
          </Button>
        </View>
        {customer.notes.map((n) => (
          <View key={n.createdAt} className="list-item">
            <Text>{n.text}</Text>
            <View className="muted">{shortTime(n.createdAt)}</View>
          </View>
        ))}
      </View>

      <View className="card" data-section="why-not">
        <View className="card-title">为什么没联系他</View>
        {why.error && <ErrorState error={why.error} onRetry={why.reload} />}
        {why.data?.canContactNow && <View className="muted">现在可以给他发消息，没有被拦下的原因</View>}
        {why.data?.blocks.map((b) => (
          <View key={b.reason} className="list-item" data-block={b.reason}>
            <Text>{b.text}</Text>
            <View className="muted">
              {[
                b.since && `从 ${shortTime(b.since)} 起`,
                b.until && `到 ${shortTime(b.until)} 为止`,
                b.dates?.length && `计入的消息：${b.dates.map(shortTime).join('、')}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </View>
          </View>
        ))}
      </View>

      <View className="card" data-section="consent">
        <View className="card-title">营销消息</View>
        {customer.optedOut && role !== 'owner' ? (
          <View className="muted">客户已退订。只有老板可以恢复接收。</View>
        ) : (
          <>
            <Field label={customer.optedOut ? '恢复接收的原因' : '退订的原因'} error={errors.optOutReason}>
              <Input
                className="input"
                maxlength={200}
                placeholder={customer.optedOut ? '如 客户到店说想继续收新品消息' : '如 客户说不想再收活动消息'}
                value={reason}
                onInput={(e) => setReason(e.detail.value)}
              />
            </Field>
            <View className="btn-row">
              <Button
                className={`btn ${customer.optedOut ? 'btn-primary' : 'btn-danger'}`}
                disabled={busy}
                onClick={() => optOut(!customer.optedOut)}
              >
                {customer.optedOut ? '恢复接收' : '标记退订'}
              </Button>
            </View>
          </>
        )}
        {customer.consentLog?.map((e) => (
          <View key={e.at} className="muted">
            {`${shortTime(e.at)} ${e.action === 'opted_out' ? '退订' : '恢复接收'}${e.reason ? `：${e.reason}` : ''}`}
          </View>
        ))}
      </View>

      <View className="card" data-section="timeline">
        <View className="card-title">时间线</View>
        {timeline.loaded && !timeline.items.length && (
          <Empty title="还没有记录" hint="接入收银或预约系统后，订单和到店会出现在这里" />
        )}
        {timeline.items.map((e) => (
          <View key={`${e.kind}:${e.id}`} className="list-item" data-kind={e.kind}>
            <View className="row">
              <Text>{`${KIND_LABELS[e.kind]} · ${e.title}`}</Text>
              <Text className="muted">{shortTime(e.at)}</Text>
            </View>
            {e.detail && <View className="muted">{e.detail}</View>}
          </View>
        ))}
        {timeline.nextCursor && (
          <Button className="btn btn-ghost" onClick={() => void loadTimeline(timeline.nextCursor)}>
            更早的记录
          </Button>
        )}
      </View>
    </View>
  );
}
