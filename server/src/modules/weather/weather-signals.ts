// What tomorrow's weather means for a shop (seed 000: rain → more delivery, hot drinks; cooling → umbrellas and
// thermos cups; heat → oil-control grooming for pets), kept pure so each judgement is unit-tested.
import type { Industry } from '@xiaoer/common/constants/industries';

/** One day's forecast, in numbers (QWeather sends strings). */
export interface DayForecast {
  date: string;
  textDay: string;
  textNight: string;
  /** QWeather condition codes: 3xx rain (thunderstorms included), 4xx snow */
  iconDay: number;
  iconNight: number;
  tempMax: number;
  tempMin: number;
  precipMm: number;
}

export type WeatherSignal = 'rain' | 'snow' | 'heat' | 'cold';
export const SIGNAL_NAMES: Record<WeatherSignal, string> = { rain: '有雨', snow: '下雪', heat: '高温', cold: '降温' };

const isRain = (icon: number) => icon >= 300 && icon < 400;
const isSnow = (icon: number) => icon >= 400 && icon < 500;
/** hot enough to change what sells (the national high-temperature warning starts at 35℃) */
export const HEAT_C = 35;
/** a cold snap: the low falls this much from the day before, or the high stays at or below COLD_MAX_C */
export const COLD_DROP_C = 8;
export const COLD_MAX_C = 5;

/** The day's signals, strongest first; `previous` is the day before (for a sudden drop). */
export function weatherSignals(day: DayForecast, previous?: DayForecast): WeatherSignal[] {
  const signals: WeatherSignal[] = [];
  if (isSnow(day.iconDay) || isSnow(day.iconNight)) signals.push('snow');
  else if (isRain(day.iconDay) || isRain(day.iconNight) || day.precipMm >= 1) signals.push('rain');
  if (day.tempMax >= HEAT_C) signals.push('heat');
  if (day.tempMax <= COLD_MAX_C || (previous && previous.tempMin - day.tempMin >= COLD_DROP_C)) signals.push('cold');
  return signals;
}

/** "中雨转小雨，14~20℃" */
export function describeDay(day: DayForecast): string {
  const text = day.textDay === day.textNight ? day.textDay : `${day.textDay}转${day.textNight}`;
  return `${text}，${day.tempMin}~${day.tempMax}℃`;
}

type Advice = Record<WeatherSignal, string>;

/** What the owner should get ready (the alert). */
export const OWNER_ADVICE: Record<Industry, Advice> = {
  餐饮: {
    rain: '下雨天外卖单通常会变多：热饮原料、打包袋和封口膜多备一些，出餐口注意防雨。',
    snow: '下雪天到店的人会少、外卖变多：热饮原料和打包材料多备，门口记得防滑。',
    heat: '高温天冷饮和冰块走得快：多备冰、多备水果，冷藏柜提前检查。',
    cold: '降温后热饮会卖得更好：热饮原料多备一些，可以把热饮放到菜单前面。',
  },
  零售: {
    rain: '下雨天：雨伞、雨衣摆到门口显眼处，地面放好防滑垫。',
    snow: '下雪天：保暖用品和雨雪用品提到前排，门口记得防滑。',
    heat: '高温天：防晒、清凉用品提到前排，注意店内通风降温。',
    cold: '降温了：保暖衣物、保温杯提到前排，老顾客可以提醒一下换季。',
  },
  电商: {
    rain: '下雨天：仓库注意防潮，发货包装加一层防水袋。',
    snow: '下雪天快递可能延误：发货页和客服话术里提前说明。',
    heat: '高温天：易化、生鲜商品加冰袋或保温包装。',
    cold: '降温了：保暖类商品可以放到店铺首页。',
  },
  本地服务: {
    rain: '下雨天容易有人临时改约：提前和明天预约的顾客确认时间。',
    snow: '下雪天出行不便：提前和明天预约的顾客确认，能改期的帮忙改期。',
    heat: '高温天：可以推控油、清爽类的护理项目，提醒顾客避开中午出门。',
    cold: '降温了：药浴SPA、头皮护理这类暖身项目正合适。',
  },
  教育培训: {
    rain: '下雨天接送不方便：提前在家长群提醒带伞、注意接送安全，准备好改线上课的预案。',
    snow: '下雪天：评估是否需要停课或改线上课，尽早通知家长。',
    heat: '高温天：教室提前开空调，提醒孩子带水。',
    cold: '降温了：提醒家长给孩子多穿一件，教室注意保暖通风。',
  },
};

/** What the shop's groups hear the morning of (care, no offers: nothing a shop did not decide is promised). */
export const GROUP_CARE: Record<Industry, Advice> = {
  餐饮: {
    rain: '今天有雨☔，出门记得带伞～不想出门的话在群里说一声，我们提前做好，少排队。',
    snow: '今天下雪❄️，路上注意防滑～想喝热乎的在群里说一声，我们提前做好。',
    heat: '今天高温☀️，记得多喝水、少晒太阳～想喝冰爽的在群里说一声，我们提前做好。',
    cold: '今天降温了🧣，大家多穿一件，来杯热乎的暖暖手～',
  },
  零售: {
    rain: '今天有雨☔，出门记得带伞，路上注意安全～',
    snow: '今天下雪❄️，注意保暖和防滑～',
    heat: '今天高温☀️，出门做好防晒，多喝水～',
    cold: '今天降温了🧣，大家多穿一件，别着凉～',
  },
  电商: {
    rain: '今天有雨☔，快递可能会慢一点，我们会跟进每一单，大家出门带伞～',
    snow: '今天下雪❄️，快递可能会慢一点，我们会跟进每一单，注意保暖～',
    heat: '今天高温☀️，收到快递尽快拆开检查，大家注意防暑～',
    cold: '今天降温了🧣，大家多穿一件，别着凉～',
  },
  本地服务: {
    rain: '今天有雨☔，来店的朋友路上慢一点，需要改时间的在群里说一声～',
    snow: '今天下雪❄️，路上注意安全，需要改时间的在群里说一声～',
    heat: '今天高温☀️，出门避开中午最热的时候，毛孩子也要注意防暑哦～',
    cold: '今天降温了🧣，大家多穿一件，别着凉～',
  },
  教育培训: {
    rain: '今天有雨☔，接送孩子记得带伞，路上注意安全～',
    snow: '今天下雪❄️，接送孩子注意防滑，如有调课我们会及时在群里通知～',
    heat: '今天高温☀️，给孩子带好水杯，注意防暑～',
    cold: '今天降温了🧣，给孩子多穿一件，别着凉～',
  },
};
