// Two salons of one merchant keeping different opening hours, built in memory, for the per-shop hours unit tests.
import { Types } from 'mongoose';
import { indexKnowledge } from '../../src/modules/knowledge/knowledge-base.service.js';

const merchantId = new Types.ObjectId();
const now = new Date();
const stamp = { merchantId, createdAt: now, updatedAt: now };
const everyDay = (open: string, close: string) => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open, close }));

/** Two salons: 环球中心店 keeps the merchant's hours, 玉林店 closes earlier and rests on Wednesdays. */
export function salons(ownHours = true) {
  return indexKnowledge({
    merchant: {
      _id: merchantId,
      name: '青丝发型',
      industry: '本地服务',
      timezone: 'Asia/Shanghai',
      businessHours: everyDay('10:00', '21:30'),
      holidays: [],
      demo: false,
      createdAt: now,
      updatedAt: now,
    } as never,
    shops: [
      { _id: new Types.ObjectId(), slot: 1, name: '青丝发型(环球中心店)', address: '天府大道北段1700号', ...stamp },
      {
        _id: new Types.ObjectId(),
        slot: 2,
        name: '青丝发型(玉林店)',
        address: '玉林西路58号',
        businessHours: ownHours ? everyDay('10:00', '21:00').filter((s) => s.weekday !== 3) : undefined,
        ...stamp,
      },
    ],
    products: [],
    faqs: [],
    policies: [],
  });
}
