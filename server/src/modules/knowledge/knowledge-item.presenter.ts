// Each kind of knowledge item with its presenter: the routes answer with it, and the change history keeps items in
// the same shape, so what the history shows before and after is what the editor showed.
import type { FaqDto, KnowledgeEntity, PolicyDto, ProductDto, ScriptDto } from '@xiaoer/common/schemas/knowledge-item';
import { presentProduct } from '../catalog/product.presenter.js';
import type { ProductRecord } from '../catalog/product.repository.js';
import type { Faq, Policy } from './faq.model.js';
import { presentFaq, presentPolicy } from './faq.presenter.js';
import type { Stored } from './knowledge-item.repository.js';
import { presentScript } from './script.presenter.js';
import type { ScriptRecord } from './script.repository.js';

/** What each kind's repository gives back. */
export interface KnowledgeRecords {
  faq: Stored<Faq>;
  policy: Stored<Policy>;
  product: ProductRecord;
  script: ScriptRecord;
}

/** What each kind looks like on the wire. */
export interface KnowledgeDtos {
  faq: FaqDto;
  policy: PolicyDto;
  product: ProductDto;
  script: ScriptDto;
}

export const presentItem: { [E in KnowledgeEntity]: (item: KnowledgeRecords[E]) => KnowledgeDtos[E] } = {
  faq: presentFaq,
  policy: presentPolicy,
  product: presentProduct,
  script: presentScript,
};
