// A card's key figures (营业额, 订单 …) with their change against the period before. Each figure is as wide as its
// number needs and at least a third of the row; a long one (¥12,345.67 at phone width) takes more room and the rest
// wrap to the next line, so numbers never run into each other.
import { Text, View } from '@tarojs/components';
import './figures.scss';

/** [label, value, change ("+12%", "-3%" or "")] */
export type Figure = [label: string, value: string, delta: string];

export function Figures({ figures }: { figures: Figure[] }) {
  return (
    <View className="figures">
      {figures.map(([label, value, delta]) => (
        <View className="figures-item" key={label} data-figure={label}>
          <View className="figure-value">{value}</View>
          <View className="figure-label">
            {label} <Text className={delta.startsWith('-') ? 'down' : 'up'}>{delta}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
