import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Echarts from 'taro-react-echarts';
import { echarts } from '../charts/echarts';

/** page and card padding on each side, in design pixels of the 750-wide layout */
const SIDE_PADDING = 24 + 28;

/**
 * An ECharts chart in both builds (a canvas in the mini-program, a div in H5). Its width is set from the screen: a
 * chart first drawn on a page that is not yet shown would otherwise measure itself as a sliver.
 */
export function Chart({ option, height = 240, label }: { option: object; height?: number; label: string }) {
  const { windowWidth } = Taro.getSystemInfoSync();
  const width = Math.floor(windowWidth * (1 - (2 * SIDE_PADDING) / 750));
  return (
    <View aria-label={label} className="chart">
      <Echarts
        echarts={echarts}
        option={option as never}
        opts={{ width, height }}
        style={{ height: `${height}px`, width: `${width}px` }}
      />
    </View>
  );
}
