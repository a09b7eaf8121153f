// The staff step of the setup: the members of the WeCom app's visible range synced (with progress and WeCom's reason
// when it fails), the owner says which member they are (then their WeCom sign-in is the owner's), sets each
// member's role and shops, and hands out the mini-program invite QR. A member whose name WeCom withheld gives it here.
import { Button, Input, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import * as auth from '@xiaoer/common/api/auth';
import * as merchants from '@xiaoer/common/api/merchants';
import * as staffApi from '@xiaoer/common/api/staff';
import type { ShopDto } from '@xiaoer/common/schemas/merchant';
import { staffNameSchema, type StaffDto, type StaffSyncDto } from '@xiaoer/common/schemas/staff';
import { useEffect, useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { StaffMemberCard as MemberCard } from '../../components/StaffMemberCard';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import { sessionStore } from '../../services/session';
import { CHECKLIST_PAGE } from '../../services/setup-steps';
import { isPlaceholder, syncView, syncedMembers } from '../../services/staff-step';
import '../../components/form.scss';
import './staff.scss';

interface Team {
  me: StaffDto;
  members: StaffDto[];
  shops: ShopDto[];
  sync: StaffSyncDto | null;
}

const loadTeam = async (): Promise<Team> => {
  const [me, list, merchant, sync] = await Promise.all([
    call(auth.me),
    call(staffApi.list),
    call(merchants.merchant),
    call(staffApi.syncStatus),
  ]);
  return { me, members: list.items, shops: merchant.shops, sync: sync.sync };
};

export default function StaffStep() {
  const [team, setTeam] = useState<Team>();
  const [error, setError] = useState<Error>();
  const reload = () =>
    loadTeam().then(
      (t) => (setTeam(t), setError(undefined)),
      (e: Error) => setError(e),
    );
  useDidShow(() => void reload());
  // while a sync runs, its progress is read again every second
  const running = team?.sync?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), 1000);
    return () => clearInterval(timer);
  }, [running]);

  if (!team) return <View className="page">{error ? <ErrorState error={error} onRetry={reload} /> : <Loading />}</View>;
  const isOwner = team.me.role === 'owner';
  const back = () =>
    Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : void Taro.redirectTo({ url: CHECKLIST_PAGE });
  const members = syncedMembers(team.members);

  return (
    <View className="page">
      <View className="narrow">
        {team.me.nameMissing && <NameCard onSaved={reload} />}
        <SyncCard sync={team.sync} canStart={isOwner} onStarted={reload} />
        {isPlaceholder(team.me) && members.length > 0 && <ClaimCard members={members} onClaimed={reload} />}
        {members.map((m) => (
          <MemberCard
            key={m.id}
            member={m}
            me={team.me}
            shops={team.shops}
            onChanged={(updated) =>
              setTeam({ ...team, members: team.members.map((x) => (x.id === updated.id ? updated : x)) })
            }
          />
        ))}
        <View className="card">
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={back}>
              回到开通清单
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}

function SyncCard({
  sync,
  canStart,
  onStarted,
}: {
  sync: StaffSyncDto | null;
  canStart: boolean;
  onStarted: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const view = syncView(sync);
  const start = async () => {
    setBusy(true);
    try {
      await call(staffApi.startSync);
      onStarted();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" id="staff-sync" data-tone={view.tone}>
      <View className="card-title">同步企业微信通讯录</View>
      <View className={view.tone === 'failed' ? 'strong sync-failed' : 'strong'}>{view.title}</View>
      {view.detail && <View className="muted">{view.detail}</View>}
      {view.fix && <View className="muted">{`怎么解决：${view.fix}`}</View>}
      {canStart && (
        <View className="btn-row">
          <Button className="btn btn-primary" disabled={busy || view.tone === 'running' || undefined} onClick={start}>
            {view.tone === 'none' ? '同步员工' : '重新同步'}
          </Button>
        </View>
      )}
    </View>
  );
}

/** The owner, signed in by the setup link, picks their own WeCom member. */
function ClaimCard({ members, onClaimed }: { members: StaffDto[]; onClaimed: () => void }) {
  const [busy, setBusy] = useState(false);
  const claim = async (member: StaffDto) => {
    setBusy(true);
    try {
      sessionStore.set(await call(staffApi.claimOwner, { body: { staffId: member.id } }));
      toast(`已关联为「${member.name}」`, 'success');
      onClaimed();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" id="staff-claim">
      <View className="card-title">你是哪一位？</View>
      <View className="muted">选出你自己在企业微信里的账号，之后你在企业微信里打开小二就是老板身份。</View>
      <View className="chip-row">
        {members.map((m) => (
          <View key={m.id} className="chip" data-claim={m.wecomUserId} onClick={() => !busy && void claim(m)}>
            {`${m.name}（${m.wecomUserId}）`}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The signed-in member's own name, where WeCom withheld it. */
function NameCard({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async () => {
    const checked = checkForm(staffNameSchema, { name });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await call(staffApi.giveName, { body: checked.value });
      toast('姓名已保存', 'success');
      onSaved();
    } catch (err) {
      setErrors(errorsOf(err));
    }
  };
  return (
    <View className="card" id="staff-name">
      <View className="card-title">请填写你的姓名</View>
      <View className="muted">企业微信没有把你的姓名告诉小二，同事和顾客会看到你填写的名字。</View>
      <Field label="姓名" error={errors.name}>
        <Input className="input" maxlength={20} value={name} onInput={(e) => setName(e.detail.value)} />
      </Field>
      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" onClick={submit}>
          保存
        </Button>
      </View>
    </View>
  );
}
