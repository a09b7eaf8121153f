// A campaign's results as figures (delivered, unconfirmed, replied and ordered within 7 days) and failure reasons:
// shared by the list and the detail.
import { Text, View } from '@tarojs/components';
import type { CampaignSummary } from '@xiaoer/common/schemas/campaign';
import { resultLines } from '../../services/campaigns';

export function Results({ results }: { results: CampaignSummary['results'] }) {
  const lines = resultLines(results);
  return (
    <View className="results">
      <View className="figures">
        {lines.figures.map((f) => (
          <View key={f.key} className="figure" data-figure={f.key}>
            <Text className="figure-value">{f.value}</Text>
            <Text className="figure-label">{f.label}</Text>
          </View>
        ))}
      </View>
      {lines.failed.map((f) => (
        <View key={f} className="muted" data-failed>
          {`未送达：${f}`}
        </View>
      ))}
      <View className="muted">{lines.checked}</View>
    </View>
  );
}
