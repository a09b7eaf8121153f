// One merchant in the operator's list: its setup and today's health, and its setup link re-issued or revoked.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as operator from '@xiaoer/common/api/operator';
import type { OperatorMerchantDto, SetupLinkDto } from '@xiaoer/common/schemas/operator';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { shortTime } from '../../services/format';
import { asOperator } from '../../services/operator';
import { canRevoke, healthFigures, setupFigures, type Figure } from '../../services/operator-view';
import { LinkOnce } from './LinkOnce';

function Figures({ figures }: { figures: Figure[] }) {
  return (
    <View className="figures">
      {figures.map((f) => (
        <Text key={f.label} className={`figure-line${f.warn ? ' figure-line-warn' : ''}`}>
          {`${f.label}：${f.value}`}
        </Text>
      ))}
    </View>
  );
}

export function MerchantCard({ merchant, onChanged }: { merchant: OperatorMerchantDto; onChanged: () => void }) {
  const [link, setLink] = useState<SetupLinkDto | null>(null);
  const [busy, setBusy] = useState(false);
  const setup = setupFigures(merchant);
  const params = { id: merchant.id };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      onChanged();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const reissue = async () => {
    if (merchant.setup.link.status === 'open') {
      const { confirm } = await Taro.showModal({ title: '重新发开通链接？', content: '之前发的链接会立即失效' });
      if (!confirm) return;
    }
    await act(async () => setLink(await asOperator(operator.issueSetupLink, { params, body: {} })));
  };
  const revoke = async () => {
    const { confirm } = await Taro.showModal({ title: '作废开通链接？', content: '老板将无法再用这个链接开通' });
    if (!confirm) return;
    await act(async () => {
      await asOperator(operator.revokeSetupLink, { params });
      setLink(null);
      toast('链接已作废', 'success');
    });
  };

  return (
    <View className="card" data-merchant={merchant.name}>
      <View className="card-title">
        <Text>{merchant.name}</Text>
        <Text className="tag">{merchant.industry}</Text>
      </View>
      <View className="muted">{`创建于 ${shortTime(merchant.createdAt)} · 开通进度 ${setup.reached}/${setup.of}`}</View>
      <Figures figures={setup.figures} />
      <View className="muted" style={{ marginTop: '12px' }}>
        今日运行
      </View>
      <Figures figures={healthFigures(merchant)} />
      <View className="btn-row">
        <Button className="btn btn-ghost" disabled={busy || undefined} onClick={reissue}>
          {merchant.setup.link.status === 'none' ? '发开通链接' : '重新发链接'}
        </Button>
        {canRevoke(merchant) && (
          <Button className="btn btn-danger" disabled={busy || undefined} onClick={revoke}>
            作废链接
          </Button>
        )}
      </View>
      {link && <LinkOnce link={link} />}
    </View>
  );
}
