// 待认领的订单 / 预约 / 课时包 (managers and owners): records from the shop's systems whose phone or member number
// matched no customer, with what they named; "认领" picks one, then a tap on a customer in the list below links it.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAsync } from '../../hooks/useAsync';
import { NOUN, unmatchedOf, type Linkable, type UnmatchedKind } from './unmatched-records';

export function UnmatchedRecords(props: {
  kind: UnmatchedKind;
  linking: Linkable | null;
  onLink: (record: Linkable | null) => void;
}) {
  const { kind, linking } = props;
  const [open, setOpen] = useState(false);
  const records = useAsync(() => unmatchedOf(kind), [kind, linking]);
  const items = records.data?.items ?? [];
  const noun = NOUN[kind];
  if (!items.length) return null;
  return (
    <View className="card" data-section={kind === 'orders' ? 'unmatched' : `unmatched-${kind}`}>
      <View className="row" onClick={() => setOpen(!open)}>
        <Text className="card-title">{`待认领的${noun}（${items.length}${records.data?.more ? '+' : ''}）`}</Text>
        <Text className="link">{open ? '收起' : '查看'}</Text>
      </View>
      {open && <Details noun={noun} items={items} linking={linking} onLink={props.onLink} />}
    </View>
  );
}

function Details(props: {
  noun: string;
  items: Linkable[];
  linking: Linkable | null;
  onLink: (record: Linkable | null) => void;
}) {
  return (
    <>
      <View className="muted">{`这些${props.noun}的手机号或会员号没对上客户，认领后会出现在客户的时间线上，并算作一次到店`}</View>
      {props.items.map((r) => (
        <View key={r.id} className="list-item" data-unmatched={r.externalId}>
          <View className="row">
            <Text>{r.title}</Text>
            <Text className="link" onClick={() => props.onLink(props.linking?.id === r.id ? null : r)}>
              {props.linking?.id === r.id ? '取消' : '认领'}
            </Text>
          </View>
          <View className="muted">{r.detail}</View>
        </View>
      ))}
    </>
  );
}
