// 茶语时光 as its owner enters it in the business and staff steps: opening hours, holidays, the facts customers ask
// about, the two shops and the team with their roles and shops (indexes into DEMO_SHOPS).
import type { StaffRole } from '@xiaoer/common/constants/roles';
import type { BusinessHoursUpdate, ShopFact, ShopInput } from '@xiaoer/common/schemas/merchant';

/** 10:00–22:00, to 23:00 on Friday and Saturday evenings. */
export const DEMO_HOURS: BusinessHoursUpdate['businessHours'] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  open: '10:00',
  close: weekday >= 5 ? '23:00' : '22:00',
}));

export const DEMO_HOLIDAYS: BusinessHoursUpdate['holidays'] = [
  { date: '2027-01-01', name: '元旦', closed: false, open: '11:00', close: '20:00' },
  { date: '2027-02-05', name: '除夕', closed: true },
];

export const DEMO_FACTS: ShopFact[] = [
  { topic: 'payment', text: '微信、支付宝、银联云闪付和现金都可以' },
  { topic: 'delivery_platforms', text: '美团外卖、饿了么都能点，搜「茶语时光」' },
  { topic: 'booking', text: '10 杯以上提前一天在微信里说时间和口味就行' },
  { topic: 'invoice', text: '可以开电子发票，下单后把抬头和税号发给店员' },
  { topic: 'wifi', text: '店里有免费 WiFi，名称 chayu-free，密码贴在收银台旁边' },
];

export const DEMO_SHOPS: ShopInput[] = [
  {
    name: '茶语时光·万达店',
    address: '杭州市西湖区万达广场 1 楼 112 号',
    phone: '0571-88886666',
    parking: '万达广场 B2 停车场，商场消费可抵停车费',
  },
  { name: '茶语时光·大学城店', address: '杭州市钱塘区学源街 88 号', phone: '0571-86668888', parking: undefined },
];

/** The owner first: they claim this WeCom member as theirs. */
export const DEMO_TEAM: { wecomUserId: string; name: string; role: StaffRole; shops: number[] }[] = [
  { wecomUserId: 'ChenLaoBan', name: '陈老板', role: 'owner', shops: [0, 1] },
  { wecomUserId: 'LinDianZhang', name: '林店长', role: 'manager', shops: [0] },
  { wecomUserId: 'AMei', name: '阿美', role: 'staff', shops: [0] },
  { wecomUserId: 'AJie', name: '阿杰', role: 'staff', shops: [1] },
];
