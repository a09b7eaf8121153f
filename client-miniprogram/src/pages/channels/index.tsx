// 联系我 codes after setup: one per place a customer meets the shop (table card, receipt, flyer, delivery-bag note …),
// routed to the staff picked for it, its QR image to save or print, the customers each channel brought week by week,
// and the welcome each channel sends. Staff see the codes (to show a customer); managers and owners make them.
import { View } from '@tarojs/components';
import * as channels from '@xiaoer/common/api/channels';
import * as templateApi from '@xiaoer/common/api/knowledge-template';
import * as staffApi from '@xiaoer/common/api/staff';
import { SOURCE_CHANNEL_LABELS } from '@xiaoer/common/constants/customer';
import type { ChannelAddsDto } from '@xiaoer/common/schemas/channel';
import { Chart } from '../../components/Chart';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useSignedIn } from '../../hooks/useSignedIn';
import { addsChart, total } from '../../services/channels-page';
import { call } from '../../services/client';
import { sessionStore } from '../../services/session';
import { CodeCard } from './CodeCard';
import { NewCodeForm } from './NewCodeForm';
import '../../components/form.scss';
import './channels.scss';

const WEEKS = 8;
/** A part that may fail on its own (no WeCom yet, a staff member's role) without taking the page down. */
const settle = <T,>(p: Promise<T>): Promise<T | Error> => p.catch((e: Error) => e);

async function load(canEdit: boolean) {
  const [codes, adds, welcomes, staff] = await Promise.all([
    call(channels.channelCodes),
    call(channels.channelAdds, { query: { weeks: WEEKS } }),
    settle(call(templateApi.welcomeTexts)),
    canEdit ? settle(call(staffApi.list)) : Promise.resolve(new Error('')),
  ]);
  return {
    codes: codes.items,
    adds,
    welcomes: welcomes instanceof Error ? welcomes : welcomes.items,
    staff: staff instanceof Error ? [] : staff.items,
  };
}

export default function ChannelCodes() {
  useSignedIn();
  const canEdit = sessionStore.get()?.staff.role !== 'staff';
  const { data, error, reload } = useAsync(() => load(canEdit));
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const weekOf = (id: string) => data.adds.codes.find((c) => c.id === id)?.counts ?? [];
  return (
    <View className="page narrow">
      <AddsCard adds={data.adds} />
      {canEdit && <NewCodeForm staff={data.staff} onCreated={reload} />}
      {data.codes.length === 0 ? (
        <Empty
          title="还没有联系我二维码"
          hint={canEdit ? '在上面选好放在哪里、谁来接待，生成一个码打印出来。' : '请店长或老板在这里生成。'}
        />
      ) : (
        data.codes.map((code) => (
          <CodeCard
            key={code.id}
            code={code}
            weeks={data.adds.weeks}
            counts={weekOf(code.id)}
            staff={data.staff}
            welcomes={data.welcomes}
            canEdit={canEdit}
            onSaved={reload}
          />
        ))
      )}
    </View>
  );
}

function AddsCard({ adds }: { adds: ChannelAddsDto }) {
  const all = adds.channels.reduce((sum, c) => sum + total(c.counts), 0);
  const thisWeek = adds.channels.reduce((sum, c) => sum + (c.counts.at(-1) ?? 0), 0);
  return (
    <View className="card" id="adds">
      <View className="card-title">每周扫码加你的顾客</View>
      <View className="adds-total">
        <View>
          <View className="figure-value">{thisWeek}</View>
          <View className="figure-label">本周</View>
        </View>
        <View>
          <View className="figure-value">{all}</View>
          <View className="figure-label">{`近 ${adds.weeks.length} 周`}</View>
        </View>
      </View>
      {all > 0 ? (
        <Chart option={addsChart(adds)} height={220} label="每周各渠道新增顾客" />
      ) : (
        <View className="muted">
          还没有顾客扫码加你。把码打印出来放在桌上、小票上、外卖袋里，这里会按周显示各渠道带来多少人。
        </View>
      )}
      {adds.channels.length > 0 && (
        <View className="muted">
          {adds.channels.map((c) => `${SOURCE_CHANNEL_LABELS[c.channel]} ${total(c.counts)} 位`).join(' · ')}
        </View>
      )}
      <View className="muted">一周从周一算起。</View>
    </View>
  );
}
