// The owner's customer groups: each group's layer (which decides its weekly calendar), members joined and left, what
// the calendar's posts brought (sign-ups, bookings), a join QR code per layer, and the layers' calendars.
import { Button, Image, Picker, Text, View } from '@tarojs/components';
import * as api from '@xiaoer/common/api/groups';
import { GROUP_LAYERS, type GroupLayer } from '@xiaoer/common/constants/groups';
import type { CustomerGroupDto } from '@xiaoer/common/schemas/customer-group';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { CalendarSection } from './CalendarSection';
import { formatFen } from '@xiaoer/common/money';

type Group = CustomerGroupDto;

const LAYERS = Object.keys(GROUP_LAYERS) as GroupLayer[];

export default function Groups() {
  const groups = useAsync(() => call(api.customerGroups).then((r) => r.items));
  const [open, setOpen] = useState<string | null>(null);
  const report = useAsync(
    () =>
      open ? call(api.groupReport, { params: { chatId: open }, query: { days: 30 } }) : Promise.resolve(undefined),
    [open],
  );
  const [qr, setQr] = useState<{ layer: GroupLayer; url: string } | null>(null);

  const setLayer = async (g: Group, layer: GroupLayer) => {
    try {
      await call(api.setGroupLayer, { params: { chatId: g.chatId }, body: { layer } });
      toast(`已设为${GROUP_LAYERS[layer]}`, 'success');
      await groups.reload();
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const joinCode = async (layer: GroupLayer) => {
    try {
      const res = await call(api.groupJoinCode, { params: { layer } });
      setQr({ layer, url: res.qrCode });
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const sync = async () => {
    try {
      const res = await call(api.syncCustomerGroups);
      toast(`已同步 ${res.synced} 个群`, 'success');
      await groups.reload();
    } catch (err) {
      toast((err as Error).message);
    }
  };

  if (groups.error && !groups.data)
    return (
      <View className="page">
        <ErrorState error={groups.error} onRetry={groups.reload} />
      </View>
    );
  if (!groups.data) return <View className="page">{groups.loading && <Loading />}</View>;
  return (
    <View className="page">
      <View className="muted" style={{ margin: '0 4px 16px' }}>
        给群分层后，小二每周按这一层的群日历写好群内容：八成干货，最多两成促销。
      </View>
      {!groups.data.length && <Empty title="还没有客户群" hint="在企业微信里建好客户群后点下面的「同步」" />}
      {groups.data.map((g) => (
        <View className="card" key={g.chatId} data-chat={g.chatId}>
          <View className="row" onClick={() => setOpen(open === g.chatId ? null : g.chatId)}>
            <Text style={{ fontWeight: 600 }}>{g.name}</Text>
            <Text className="muted">{`${g.memberCount}人 · 进${g.joined} 出${g.left}`}</Text>
          </View>
          <Picker
            mode="selector"
            range={LAYERS.map((l) => GROUP_LAYERS[l])}
            value={LAYERS.indexOf(g.layer)}
            onChange={(e) => setLayer(g, LAYERS[Number(e.detail.value)]!)}
          >
            <View className="field">
              <Text className="muted">分层</Text>
              <Text className={g.layer === 'unset' ? 'tag' : 'tag tag-on'}>{GROUP_LAYERS[g.layer]}</Text>
            </View>
          </Picker>
          {open === g.chatId && report.data && (
            <View className="muted" style={{ lineHeight: 1.8 }}>
              <View>{`近30天：写了${report.data.posts.drafted}条，发出${report.data.posts.sent}条，群主已确认${report.data.posts.confirmedByStaff}条`}</View>
              <View>{`接龙${report.data.interactions.chain} · 预约${report.data.interactions.booking} · 竞猜${report.data.interactions.guess}`}</View>
              <View>{`群推荐后 3 天内下单 ${report.data.attributedOrders.orders} 笔，${formatFen(report.data.attributedOrders.revenue)}`}</View>
            </View>
          )}
          {g.layer !== 'unset' && (
            <View className="btn-row">
              <Button
                className="btn btn-ghost"
                onClick={() => joinCode(g.layer)}
              >{`${GROUP_LAYERS[g.layer]}入群二维码`}</Button>
            </View>
          )}
        </View>
      ))}
      {qr && (
        <View className="card" style={{ textAlign: 'center' }}>
          <View className="card-title">{`${GROUP_LAYERS[qr.layer]}入群二维码`}</View>
          <Image src={qr.url} style={{ width: '200px', height: '200px' }} />
          <View className="muted">贴在收银台或发给老客，扫码进群；一个群满了自动换下一个。</View>
        </View>
      )}
      <CalendarSection />
      <Button className="btn btn-ghost" style={{ width: '100%' }} onClick={sync}>
        从企业微信同步客户群
      </Button>
    </View>
  );
}
