// A week of opening spans, Monday first, a row per weekday with a switch: a weekday switched off is closed (no span). The shop's
// opening hours and the 客服 hours are edited with it.
import { Picker, Switch, Text, View } from '@tarojs/components';
import { MONDAY_FIRST, WEEKDAYS } from '../services/weekdays';

export interface Span {
  weekday: number;
  open: string;
  close: string;
}

export function WeekSpans({ spans, onChange }: { spans: Span[]; onChange: (spans: Span[]) => void }) {
  const spanOf = (weekday: number) => spans.find((s) => s.weekday === weekday);
  const setSpan = (weekday: number, span: Span | null) =>
    onChange(
      [...spans.filter((s) => s.weekday !== weekday), ...(span ? [span] : [])].sort((a, b) => a.weekday - b.weekday),
    );
  return (
    <>
      {MONDAY_FIRST.map((weekday) => {
        const name = WEEKDAYS[weekday]!;
        const span = spanOf(weekday);
        return (
          <View className="field" key={name} data-weekday={weekday}>
            <Text>{name}</Text>
            {span ? (
              <View className="row" style={{ gap: '12px' }}>
                <Picker
                  mode="time"
                  value={span.open}
                  onChange={(e) => setSpan(weekday, { ...span, open: e.detail.value })}
                >
                  <Text className="tag" data-role="open">
                    {span.open}
                  </Text>
                </Picker>
                <Text className="muted">至</Text>
                <Picker
                  mode="time"
                  value={span.close}
                  onChange={(e) => setSpan(weekday, { ...span, close: e.detail.value })}
                >
                  <Text className="tag" data-role="close">
                    {span.close}
                  </Text>
                </Picker>
                <Switch checked color="#07c160" onChange={() => setSpan(weekday, null)} />
              </View>
            ) : (
              <View className="row" style={{ gap: '12px' }}>
                <Text className="muted">休息</Text>
                <Switch
                  checked={false}
                  color="#07c160"
                  onChange={() => setSpan(weekday, { weekday, open: '10:00', close: '22:00' })}
                />
              </View>
            )}
          </View>
        );
      })}
    </>
  );
}
