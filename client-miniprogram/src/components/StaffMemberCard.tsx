// One member of the team as the owner and managers arrange it: role chips (the owner's to change), shop chips, the
// mini-program invite with its QR code, and (where the page offers it) deactivation, confirmed first. Shared by the
// setup's staff step and the staff page.
import { Button, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as staffApi from '@xiaoer/common/api/staff';
import type { StaffRole } from '@xiaoer/common/constants/roles';
import type { ShopDto } from '@xiaoer/common/schemas/merchant';
import type { StaffDto, StaffInviteDto } from '@xiaoer/common/schemas/staff';
import { useState } from 'react';
import { call } from '../services/client';
import { ROLE_CHOICES } from '../services/staff-step';
import { toast } from './Toast';
import './staff-member.scss';

export function StaffMemberCard({
  member,
  me,
  shops,
  onChanged,
  onDeactivated,
}: {
  member: StaffDto;
  me: StaffDto;
  shops: ShopDto[];
  onChanged: (member: StaffDto) => void;
  /** offered (to the owner, for anyone but themself) where the page manages the team, not in the setup step */
  onDeactivated?: (member: StaffDto) => void;
}) {
  const [invite, setInvite] = useState<StaffInviteDto>();
  const isOwner = me.role === 'owner';
  const save = async (body: { role?: StaffRole; shopIds?: string[] }) => {
    try {
      onChanged(await call(staffApi.update, { params: { id: member.id }, body }));
      toast('已保存', 'success');
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const toggleShop = (shopId: string) =>
    save({
      shopIds: member.shopIds.includes(shopId)
        ? member.shopIds.filter((s) => s !== shopId)
        : [...member.shopIds, shopId],
    });
  const deactivate = async () => {
    const { confirm } = await Taro.showModal({
      title: `停用${member.name}？`,
      content: '停用后 ta 会立即退出小二，不能再登录；同步员工时也不会自动恢复，需要时在“已停用”里恢复。',
      confirmText: '停用',
      confirmColor: '#e34d59',
    });
    if (!confirm) return;
    try {
      await call(staffApi.deactivate, { params: { id: member.id } });
      toast('已停用', 'success');
      onDeactivated?.(member);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const makeInvite = async () => {
    try {
      setInvite(await call(staffApi.invite, { params: { id: member.id } }));
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return (
    <View className="card" data-member={member.wecomUserId}>
      <View className="member-head">
        <View className="strong">{member.nameMissing ? '（待本人填写姓名）' : member.name}</View>
        <View className="member-id">{member.wecomUserId}</View>
      </View>
      <View className="chip-row">
        <View className="chip-label">角色{isOwner ? '' : '（只有老板可以修改）'}</View>
        {ROLE_CHOICES.map(({ role, label }) => (
          <View
            key={role}
            data-role={role}
            className={`chip${member.role === role ? ' chip-on' : isOwner ? '' : ' chip-off'}`}
            onClick={() => isOwner && member.role !== role && void save({ role })}
          >
            {label}
          </View>
        ))}
      </View>
      <View className="chip-row">
        <View className="chip-label">门店</View>
        {shops.length === 0 && <View className="muted">先在「店铺信息」里添加门店</View>}
        {shops.map((shop) => (
          <View
            key={shop.id}
            data-shop={shop.name}
            className={`chip${member.shopIds.includes(shop.id) ? ' chip-on' : ''}`}
            onClick={() => void toggleShop(shop.id)}
          >
            {shop.name}
          </View>
        ))}
      </View>
      {isOwner && (member.role !== 'staff' || (onDeactivated && member.id !== me.id)) && (
        <View className="btn-row">
          {member.role !== 'staff' && (
            <Button className="btn btn-ghost" data-invite={member.wecomUserId} onClick={makeInvite}>
              {member.miniProgramBound ? '已绑定小程序 · 重新邀请' : '邀请使用小程序'}
            </Button>
          )}
          {onDeactivated && member.id !== me.id && (
            <Button className="btn btn-ghost btn-danger" data-deactivate={member.wecomUserId} onClick={deactivate}>
              停用
            </Button>
          )}
        </View>
      )}
      {invite && (
        <View className="invite" data-invite-for={member.wecomUserId}>
          <Image className="invite-qr" src={invite.qrImage} mode="aspectFit" />
          <View className="invite-code">{invite.code}</View>
          <View className="muted">
            {`请${member.name}用微信扫码，或在小程序里输入邀请码；${new Date(invite.expiresAt).toLocaleString('zh-CN')} 前有效，只能用一次。`}
          </View>
        </View>
      )}
    </View>
  );
}
