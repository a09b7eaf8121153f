// One campaign (群发): its text and audience, when it goes or went, each staff member's task and whether they have
// confirmed it in WeCom, how it went, and who was left out and why. One still waiting for its time can be cancelled.
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CAMPAIGN_EXCLUSION_REASONS } from '@xiaoer/common/schemas/campaign';
import { ErrorState, Loading } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { audienceLine, campaignDetail, cancelCampaign, statusLine } from '../../services/campaigns';
import { Results } from './Results';
import './campaigns.scss';

export default function CampaignDetail() {
  const id = useRouter().params.id ?? '';
  const { data, error, loading, reload } = useAsync(() => campaignDetail(id), [id]);
  const { busy, act } = useAction(reload);

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消这次群发？',
      content: '取消后不会发出，也不会再发',
      confirmText: '取消群发',
      cancelText: '不取消',
    });
    if (confirm) await act(() => cancelCampaign(id), '已取消');
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data && loading) return <Loading />;
  if (!data) return null;
  return (
    <View className="page">
      <View className="card">
        <View className="campaign-text">{data.text}</View>
        <View className="muted">{statusLine(data)}</View>
        <View className="muted">{`发给：${audienceLine(data.audience)}`}</View>
        {data.status === 'scheduled' && (
          <View className="btn-row">
            <Button className="btn btn-ghost" disabled={busy || undefined} onClick={() => void cancel()}>
              取消群发
            </Button>
          </View>
        )}
      </View>
      {data.status === 'sent' && (
        <View className="card">
          <Text className="card-title">发送结果</Text>
          <Results results={data.results} />
        </View>
      )}
      {data.senders.length > 0 && (
        <View className="card">
          <Text className="card-title">员工确认</Text>
          {data.senders.map((s) => (
            <View key={s.staffId} className="preview-line" data-sender={s.staffId}>
              {`${s.name}：${s.recipients} 位客户，${s.confirmed ? '已确认发送' : '还没在企业微信里确认'}`}
            </View>
          ))}
        </View>
      )}
      {data.excluded.length > 0 && (
        <View className="card">
          <Text className="card-title">{data.status === 'scheduled' ? '目前不会发给' : '没有发给'}</Text>
          {data.excluded.map((e) => (
            <View key={e.reason} className="excluded" data-reason={e.reason}>
              <View>{`${CAMPAIGN_EXCLUSION_REASONS[e.reason]} ${e.count} 位`}</View>
              <View className="muted">{e.sample.join('、') + (e.count > e.sample.length ? ' 等' : '')}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
