// The team after setup: each member's role and shops, the mini-program invite, and deactivation (the owner's; the
// member's sessions end at once; the WeCom sync leaves them off until the owner brings them back here). New members
// come from WeCom's address book, synced on the setup's staff step.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as auth from '@xiaoer/common/api/auth';
import * as merchants from '@xiaoer/common/api/merchants';
import * as staffApi from '@xiaoer/common/api/staff';
import type { StaffDto } from '@xiaoer/common/schemas/staff';
import { useEffect, useState } from 'react';
import { StaffMemberCard } from '../../components/StaffMemberCard';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { syncedMembers } from '../../services/staff-step';

export default function StaffPage() {
  const { data, error, reload } = useAsync(() =>
    Promise.all([call(auth.me), call(staffApi.list), call(merchants.merchant)]),
  );
  const [members, setMembers] = useState<StaffDto[]>([]);
  const [off, setOff] = useState<StaffDto[]>([]);
  useEffect(() => {
    if (!data) return;
    setMembers(syncedMembers(data[1].items));
    setOff(data[1].deactivated);
  }, [data]);
  const bringBack = async (member: StaffDto) => {
    try {
      const back = await call(staffApi.reactivate, { params: { id: member.id } });
      setOff(off.filter((x) => x.id !== member.id));
      setMembers([...members, back]);
      toast('已恢复', 'success');
    } catch (err) {
      toast((err as Error).message);
    }
  };
  if (!data) return <View className="page">{error ? <ErrorState error={error} onRetry={reload} /> : <Loading />}</View>;
  const [me, , merchant] = data;
  return (
    <View className="page">
      <View className="narrow">
        <View className="card">
          <View className="card-title">{`共 ${members.length} 位员工`}</View>
          <View className="muted">
            {me.role === 'owner'
              ? '点角色或门店即可修改，保存后立即生效；停用的员工会马上退出小二。'
              : '你可以安排店员的门店；修改角色、停用员工需要老板操作。'}
          </View>
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => void Taro.navigateTo({ url: '/pages/setup/staff' })}>
              从企业微信同步新员工
            </Button>
          </View>
        </View>
        {members.length === 0 && <Empty title="还没有员工" hint="先同步企业微信通讯录，能使用小二的员工会出现在这里" />}
        {members.map((m) => (
          <StaffMemberCard
            key={m.id}
            member={m}
            me={me}
            shops={merchant.shops}
            onChanged={(updated) => setMembers(members.map((x) => (x.id === updated.id ? updated : x)))}
            onDeactivated={(gone) => {
              setMembers(members.filter((x) => x.id !== gone.id));
              setOff([...off, gone]);
            }}
          />
        ))}
        {off.length > 0 && (
          <View className="card" id="deactivated">
            <View className="card-title">{`已停用（${off.length}）`}</View>
            <View className="muted">你停用的员工，同步企业微信时不会自动恢复。</View>
            {off.map((m) => (
              <View key={m.id} className="field" data-deactivated={m.wecomUserId}>
                <Text>{m.name}</Text>
                <Text className="tag tag-on" onClick={() => void bringBack(m)}>
                  恢复
                </Text>
              </View>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}
