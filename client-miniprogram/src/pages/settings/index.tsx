// Settings when something changes: business hours and holidays, the bot, scenarios and the contact policy, the
// shop's city for the weather, the AI model, and whether WeCom is set up right.
import { View } from '@tarojs/components';
import * as outreach from '@xiaoer/common/api/outreach';
import * as merchants from '@xiaoer/common/api/merchants';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import { ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { AutoReplySection, ConfigCheckSection, LlmSection } from './AiSection';
import { HoursSection } from './HoursSection';
import { ScenarioSection } from './ScenarioSection';
import { WeatherSection } from './WeatherSection';

export default function Settings() {
  const { data, error, loading, reload } = useAsync(() =>
    Promise.all([call(merchants.merchant), call(outreach.settings)]),
  );
  if (error && !data)
    return (
      <View className="page">
        <ErrorState error={error} onRetry={reload} />
      </View>
    );
  if (!data) return <View className="page">{loading && <Loading />}</View>;
  const [merchant, settings] = data;
  return (
    <View className="page">
      <HoursSection merchant={merchant} onSaved={reload} />
      <AutoReplySection mode={merchant.autoReply.mode} />
      <ScenarioSection initial={resolveOutreachSettings(settings, merchant.industry)} industry={merchant.industry} />
      <WeatherSection />
      <LlmSection />
      <ConfigCheckSection />
    </View>
  );
}
