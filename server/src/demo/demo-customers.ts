import type { SourceChannel } from '@xiaoer/common/constants/customer';
import type { Random } from './random.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = [
  '思琪',
  '雨涵',
  '子轩',
  '欣怡',
  '浩然',
  '梓涵',
  '一诺',
  '佳怡',
  '宇航',
  '诗涵',
  '俊杰',
  '晓雯',
  '嘉怡',
  '明轩',
  '可馨',
  '天宇',
  '婉清',
  '志强',
  '小雨',
  '梦瑶',
  '家豪',
  '静怡',
  '博文',
  '若曦',
];
const NICKNAMES = [
  '小太阳',
  '奶茶续命',
  '不加糖',
  '晴天',
  '柠檬精',
  '吃货本货',
  '阿狸',
  'Coco',
  'Lily',
  '大橘',
  '早睡早起',
  '打工人',
];

export const PERSONA_TAGS = [
  '少糖党',
  '常点外卖',
  '大学生',
  '上班族',
  '宝妈',
  '爱尝新品',
  '咖啡控',
  '周末常来',
] as const;

const CHANNELS: [SourceChannel, number][] = [
  ['table_card', 40],
  ['receipt', 25],
  ['delivery_note', 15],
  ['group', 8],
  ['referral', 7],
  ['flyer', 5],
];

/** How often this customer buys: a regular, an occasional visitor, or someone who has drifted away. */
export type Habit = { kind: 'regular' | 'occasional' | 'lapsed'; everyDays: number };

export interface DemoCustomerSeed {
  name: string;
  remark?: string;
  phone?: string;
  gender: 'male' | 'female' | 'unknown';
  birthday?: string;
  tags: string[];
  sourceChannel: SourceChannel;
  habit: Habit;
}

export function demoCustomer(random: Random, index: number): DemoCustomerSeed {
  const realName = random.pick([...SURNAMES]) + random.pick(GIVEN);
  const useNickname = random.chance(0.35);
  const habit: Habit = random.weighted<Habit>([
    [{ kind: 'regular', everyDays: random.int(3, 8) }, 35],
    [{ kind: 'occasional', everyDays: random.int(12, 25) }, 40],
    [{ kind: 'lapsed', everyDays: random.int(10, 20) }, 25],
  ]);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const gender = random.weighted([
    ['female', 62],
    ['male', 30],
    ['unknown', 8],
  ] as const);
  // Staff remark nicknamed customers by surname, the way shops do: 王小姐, 李先生.
  const honorific = gender === 'male' ? '先生' : gender === 'female' ? '小姐' : '';
  return {
    name: useNickname ? random.pick(NICKNAMES) : realName,
    remark: useNickname && honorific ? `${realName.slice(0, 1)}${honorific}` : undefined,
    phone: random.chance(0.7)
      ? `1${random.pick(['38', '39', '58', '86', '77'])}${String(10_000_000 + index * 7919).slice(-8)}`
      : undefined,
    gender,
    birthday: random.chance(0.6)
      ? `${random.int(1975, 2006)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      : undefined,
    tags: PERSONA_TAGS.filter(() => random.chance(0.18)),
    sourceChannel: random.weighted(CHANNELS),
    habit,
  };
}
