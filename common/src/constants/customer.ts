export const GENDERS = ['unknown', 'male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Where a customer came from. WeCom channel codes (联系我) carry a `state` that maps to one of these. */
export const SOURCE_CHANNELS = [
  'table_card',
  'receipt',
  'flyer',
  'delivery_note',
  'group',
  'referral',
  'kf',
  'import',
  'other',
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export const SOURCE_CHANNEL_LABELS: Record<SourceChannel, string> = {
  table_card: '桌贴码',
  receipt: '小票码',
  flyer: '传单',
  delivery_note: '外卖单',
  group: '客户群',
  referral: '老客推荐',
  kf: '微信客服',
  import: '导入',
  other: '其他',
};
