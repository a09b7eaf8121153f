// Each layer's weekly calendar (群SOP): the industry's until the owner changes it — add a post on a day and time,
// remove one, save, or go back to the industry's. The 80/20 rule's verdict is shown as the server sees it. The week
// shows Monday first (stored weekdays keep 0 = Sunday).
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import {
  CALENDAR_TOPICS,
  GROUP_POST_KINDS,
  TOPIC_KIND,
  type CalendarSlot,
  type CalendarTopic,
  type GroupLayer,
} from '@xiaoer/common/constants/groups';
import * as api from '@xiaoer/common/api/group-calendars';
import { useEffect, useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import {
  byMondayFirst,
  mondayFirstIndex,
  MONDAY_FIRST,
  WEEKDAY_NAMES_MONDAY_FIRST,
  WEEKDAYS,
} from '../../services/weekdays';

const TOPICS = Object.keys(CALENDAR_TOPICS) as CalendarTopic[];
const emptyDraft = { weekday: 1, at: '10:00', topic: 'new_item' as CalendarTopic, title: '' };

export function CalendarSection() {
  const calendars = useAsync(() => call(api.calendars).then((r) => r.items));
  const [layer, setLayer] = useState<GroupLayer>('vip');
  const [slots, setSlots] = useState<CalendarSlot[]>([]);
  const [draft, setDraft] = useState(emptyDraft);
  const { busy, act } = useAction(() => calendars.reload());
  const current = calendars.data?.find((c) => c.layer === layer);
  useEffect(() => setSlots(current?.slots ?? []), [current]);

  if (calendars.error && !calendars.data) return <ErrorState error={calendars.error} onRetry={calendars.reload} />;
  if (!calendars.data || !current) return calendars.loading ? <Loading /> : null;
  const changed = JSON.stringify(slots) !== JSON.stringify(current.slots);
  const add = () => {
    setSlots([...slots, { ...draft, kind: TOPIC_KIND[draft.topic], title: draft.title.trim() }]);
    setDraft(emptyDraft);
  };
  const save = () =>
    act(
      () =>
        call(api.saveCalendar, {
          params: { layer },
          // (the forecast's weather care is never a calendar slot; the contract only takes calendar topics)
          body: {
            slots: slots.flatMap(({ weekday, at, topic, title }) =>
              topic === 'weather_care' ? [] : [{ weekday, at, topic, title }],
            ),
          },
        }),
      '群日历已保存',
    );
  const reset = () => act(() => call(api.resetCalendar, { params: { layer } }), '已恢复行业模板');

  return (
    <View className="card" id="group-calendar">
      <View className="card-title">群日历</View>
      <View className="segments">
        {calendars.data.map((c) => (
          <View
            key={c.layer}
            className={`segment ${c.layer === layer ? 'segment-on' : ''}`}
            onClick={() => setLayer(c.layer)}
          >
            {c.name}
          </View>
        ))}
      </View>
      <View className="muted">
        {`${current.custom ? '你自己排的日历' : '行业模板'} · 每周 ${current.slots.length} 条 · 促销占 ${current.promoPct}%`}
        {current.dropped.length ? `。按「八成干货、最多两成促销」，这些本周不发：${current.dropped.join('、')}` : ''}
      </View>
      {!slots.length && (
        <View className="muted" style={{ margin: '16px 0' }}>
          这一层还没有安排，群里不会自动写内容。
        </View>
      )}
      {slots
        .map((s, i) => ({ ...s, i }))
        .sort(byMondayFirst)
        .map(({ i, ...s }) => (
          <View key={`${s.weekday}-${s.at}-${i}`} className="field" data-slot={`${s.weekday} ${s.at}`}>
            <View>
              <View>{`${WEEKDAYS[s.weekday]} ${s.at} · ${s.title}`}</View>
              <View className="muted">{`${CALENDAR_TOPICS[s.topic as CalendarTopic] ?? s.topic} · ${GROUP_POST_KINDS[s.kind]}`}</View>
            </View>
            <Text className="muted" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
              删除
            </Text>
          </View>
        ))}
      <View className="row" style={{ marginTop: '16px', gap: '12px' }}>
        <Picker
          mode="selector"
          range={WEEKDAY_NAMES_MONDAY_FIRST}
          value={mondayFirstIndex(draft.weekday)}
          onChange={(e) => setDraft({ ...draft, weekday: MONDAY_FIRST[Number(e.detail.value)]! })}
        >
          <Text className="tag">{WEEKDAYS[draft.weekday]}</Text>
        </Picker>
        <Picker mode="time" value={draft.at} onChange={(e) => setDraft({ ...draft, at: String(e.detail.value) })}>
          <Text className="tag">{draft.at}</Text>
        </Picker>
        <Picker
          mode="selector"
          range={TOPICS.map((t) => CALENDAR_TOPICS[t])}
          value={TOPICS.indexOf(draft.topic)}
          onChange={(e) => setDraft({ ...draft, topic: TOPICS[Number(e.detail.value)]! })}
        >
          <Text className="tag">{CALENDAR_TOPICS[draft.topic]}</Text>
        </Picker>
      </View>
      <Input
        className="input"
        placeholder="标题，如：周二上新"
        maxlength={20}
        value={draft.title}
        onInput={(e) => setDraft({ ...draft, title: e.detail.value })}
      />
      <View className="btn-row">
        <Button className="btn btn-ghost" disabled={!draft.title.trim() || undefined} onClick={add}>
          添加这一条
        </Button>
      </View>
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || !changed || undefined} onClick={save}>
          保存群日历
        </Button>
        {current.custom && (
          <Button className="btn btn-ghost" disabled={busy || undefined} onClick={reset}>
            恢复行业模板
          </Button>
        )}
      </View>
    </View>
  );
}
