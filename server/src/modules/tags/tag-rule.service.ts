// The merchant's own auto-tag rules: one per tag name, kept by managers; AutoTagService applies them.
import type { TagRuleInput } from '@xiaoer/common/schemas/tag-rule';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { TagRuleRecord, TagRuleRepository } from './tag-rule.repository.js';

const duplicate = (err: unknown) => (isDuplicateKey(err) ? conflict('已经有同名标签的规则了') : err);

export class TagRuleService {
  constructor(private rules: TagRuleRepository) {}

  list(merchantId: MerchantId): Promise<TagRuleRecord[]> {
    return this.rules.list(merchantId);
  }

  create(merchantId: MerchantId, input: TagRuleInput): Promise<TagRuleRecord> {
    return this.rules.insert(merchantId, input).catch((e: unknown) => Promise.reject(duplicate(e)));
  }

  async update(merchantId: MerchantId, id: string, input: TagRuleInput): Promise<TagRuleRecord> {
    const updated = await this.rules.replace(merchantId, id, input).catch((e: unknown) => Promise.reject(duplicate(e)));
    if (!updated) throw notFound('没有找到这条规则');
    return updated;
  }

  async remove(merchantId: MerchantId, id: string): Promise<void> {
    if (!(await this.rules.remove(merchantId, id))) throw notFound('没有找到这条规则');
  }
}
