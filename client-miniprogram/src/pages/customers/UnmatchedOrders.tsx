// 待认领的订单 (managers and owners): orders from the POS whose phone or member number matched no customer, with what
// they named; "认领" picks the order, then a tap on a customer in the list below links it.
import { Text, View } from '@tarojs/components';
import * as customers from '@xiaoer/common/api/customers';
import { formatFen } from '@xiaoer/common/money';
import type { UnmatchedOrderDto } from '@xiaoer/common/schemas/customer';
import { useState } from 'react';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { shortTime } from '../../services/format';

export function UnmatchedOrders(props: {
  linking: UnmatchedOrderDto | null;
  onLink: (order: UnmatchedOrderDto | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const orders = useAsync(() => call(customers.unmatchedOrders, { query: { limit: 20 } }), [props.linking]);
  const items = orders.data?.items ?? [];
  if (!items.length) return null;
  return (
    <View className="card" data-section="unmatched">
      <View className="row" onClick={() => setOpen(!open)}>
        <Text className="card-title">{`待认领的订单（${items.length}${orders.data?.nextCursor ? '+' : ''}）`}</Text>
        <Text className="link">{open ? '收起' : '查看'}</Text>
      </View>
      {open && <View className="muted">这些订单的手机号或会员号没对上客户，认领后会出现在客户的时间线上</View>}
      {open &&
        items.map((o) => (
          <View key={o.id} className="list-item" data-unmatched={o.externalId}>
            <View className="row">
              <Text>{`${o.title} · ${formatFen(o.amount)}`}</Text>
              <Text className="link" onClick={() => props.onLink(props.linking?.id === o.id ? null : o)}>
                {props.linking?.id === o.id ? '取消' : '认领'}
              </Text>
            </View>
            <View className="muted">
              {[
                shortTime(o.placedAt),
                o.channel,
                o.ref.phone && `手机 ${o.ref.phone}`,
                o.ref.memberNo && `会员号 ${o.ref.memberNo}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </View>
          </View>
        ))}
    </View>
  );
}
