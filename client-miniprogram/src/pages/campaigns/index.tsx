// The shop's campaigns (群发), newest first: each one's text, when it goes or went, and how it went — delivered, not
// yet confirmed by staff, failed, wrote back and ordered within 7 days. A tap opens one; 新建群发 starts another.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { listCampaigns, statusLine } from '../../services/campaigns';
import { Results } from './Results';
import './campaigns.scss';

export default function Campaigns() {
  const { data, error, loading, reload } = useAsync(listCampaigns, []);
  Taro.useDidShow(() => void reload());
  return (
    <View className="page">
      <View className="btn-row">
        <Button className="btn btn-primary" onClick={() => Taro.navigateTo({ url: '/pages/campaigns/new' })}>
          新建群发
        </Button>
      </View>
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {data && !data.length && <Empty title="还没有群发过" hint="按标签、阶段给客户群发，每位员工只需确认一次" />}
      {data?.map((c) => (
        <View
          key={c.id}
          className="card campaign"
          data-campaign={c.id}
          onClick={() => Taro.navigateTo({ url: `/pages/campaigns/detail?id=${c.id}` })}
        >
          <View className="campaign-text">{c.text}</View>
          <Text className="muted">{statusLine(c)}</Text>
          {c.status === 'sent' && <Results results={c.results} />}
        </View>
      ))}
    </View>
  );
}
