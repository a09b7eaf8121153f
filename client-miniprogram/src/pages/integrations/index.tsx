// Everything the shop is connected to, on one page: the signed webhooks, one per sending system (POS, ERP, 团购核销 …)
// with their last deliveries, WeCom's connection and its live checks, the shop's city for the weather, the AI model.
import { View } from '@tarojs/components';
import { ConfigCheckSection, LlmSection } from '../settings/AiSection';
import { WeatherSection } from '../settings/WeatherSection';
import { WebhookSection } from './WebhookSection';
import { WecomStatusSection } from './WecomStatusSection';

export default function Integrations() {
  return (
    <View className="page">
      <View className="narrow">
        <WebhookSection />
        <WecomStatusSection />
        <ConfigCheckSection />
        <WeatherSection />
        <LlmSection />
      </View>
    </View>
  );
}
