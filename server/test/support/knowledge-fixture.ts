// A milk-tea shop's knowledge built in memory (no database), for engine, guardrail and retrieval unit tests.
import { Types } from 'mongoose';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { DEMO_FAQS, DEMO_POLICIES } from '../../src/demo/milk-tea-knowledge.js';
import { indexKnowledge } from '../../src/modules/knowledge/knowledge-base.service.js';

const merchantId = new Types.ObjectId();
const now = new Date();

export function milkTeaKnowledge(industry: '餐饮' | '本地服务' | '教育培训' = '餐饮') {
  return indexKnowledge({
    merchant: {
      _id: merchantId,
      name: '茶语时光',
      industry,
      timezone: 'Asia/Shanghai',
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        weekday,
        open: '10:00',
        close: weekday >= 5 ? '23:00' : '22:00',
      })),
      holidays: [],
      demo: true,
      createdAt: now,
      updatedAt: now,
    } as never,
    shops: [
      {
        _id: new Types.ObjectId(),
        merchantId,
        slot: 1,
        name: '茶语时光·万达店',
        address: '杭州市西湖区万达广场 1 楼 112 号',
        phone: '0571-88886666',
        createdAt: now,
        updatedAt: now,
      },
    ],
    products: MILK_TEA_MENU.map((p) => ({
      ...p,
      _id: new Types.ObjectId(),
      merchantId,
      createdAt: now,
      updatedAt: now,
    })),
    faqs: DEMO_FAQS.map((f) => ({ ...f, _id: new Types.ObjectId(), merchantId, createdAt: now, updatedAt: now })),
    policies: DEMO_POLICIES.map((p) => ({
      ...p,
      _id: new Types.ObjectId(),
      merchantId,
      createdAt: now,
      updatedAt: now,
    })),
  });
}
