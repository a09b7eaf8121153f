// Test helper (not production code): an AlertContext without a database, for the detectors' unit tests.
import type { Types } from 'mongoose';
import type { Industry } from '@xiaoer/common/constants/industries';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.service.js';
import { asMerchantId } from '../../../tenancy/merchant-id.js';
import type { AlertContext } from './detector.js';

export function alertContext(over: Partial<AlertContext> & { industry?: Industry } = {}): AlertContext {
  const { industry = '餐饮', ...rest } = over;
  return {
    merchantId: asMerchantId('64b000000000000000000001'),
    kb: { merchant: { industry, holidays: [] }, products: [] } as unknown as KnowledgeBase,
    settings: resolveOutreachSettings(undefined, industry).scenarios,
    now: new Date('2026-11-30T02:00:00Z'),
    today: '2026-11-30',
    localMinutes: 10 * 60,
    weekday: 1,
    ...rest,
  };
}

/** A stand-in document id: the rules only print it. */
export const fakeId = (hex: string) => ({ toHexString: () => hex, toString: () => hex }) as unknown as Types.ObjectId;
