// The shop's knowledge items as the console's editor sees them: each with its id, without the tenant or the
// bookkeeping; prices in fen like every amount on the wire. The change history keeps items in this shape too.
import { z } from 'zod';
import { POLICY_KINDS } from './knowledge.js';
import { scriptAttachmentDtoSchema } from './sidebar.js';

export const faqDtoSchema = z.object({ id: z.string(), questions: z.array(z.string()), answer: z.string() }).strict();
export type FaqDto = z.infer<typeof faqDtoSchema>;

export const policyDtoSchema = z
  .object({ id: z.string(), kind: z.enum(POLICY_KINDS), title: z.string(), content: z.string() })
  .strict();
export type PolicyDto = z.infer<typeof policyDtoSchema>;

const pairDto = z.object({ name: z.string(), value: z.string() }).strict();

export const productDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.string(),
    /** fen; with variants, the lowest variant price */
    price: z.number().int(),
    description: z.string().optional(),
    specs: z.array(
      z
        .object({
          name: z.string(),
          /** priceDelta: fen added to the price */
          options: z.array(z.object({ label: z.string(), priceDelta: z.number().int() }).strict()),
        })
        .strict(),
    ),
    /** each sellable combination with its own price (fen) and stock */
    variants: z
      .array(
        z
          .object({
            options: z.array(pairDto),
            price: z.number().int(),
            stock: z.number().int().optional(),
            available: z.boolean(),
            sku: z.string().optional(),
          })
          .strict(),
      )
      // history entries written before variants, attributes and aliases existed lack them
      .default([]),
    attributes: z.array(pairDto).default([]),
    /** the owner's aliases (generated ones are made at index time, not stored) */
    aliases: z.array(z.string()).default([]),
    tags: z.array(z.string()),
    allergens: z.array(z.string()),
    /** with variants: the sum of theirs when every variant counts stock, else absent */
    stock: z.number().int().optional(),
    available: z.boolean(),
    /** the product's photo behind a signed link (an hour or two); never kept in the history */
    photoUrl: z.string().optional(),
  })
  .strict();
export type ProductDto = z.infer<typeof productDtoSchema>;

export const scriptDtoSchema = z
  .object({
    id: z.string(),
    category: z.string(),
    title: z.string(),
    content: z.string(),
    attachment: scriptAttachmentDtoSchema.optional(),
    usageCount: z.number().int(),
  })
  .strict();
export type ScriptDto = z.infer<typeof scriptDtoSchema>;

export const KNOWLEDGE_ENTITIES = ['faq', 'policy', 'product', 'script'] as const;
export type KnowledgeEntity = (typeof KNOWLEDGE_ENTITIES)[number];

/** An item of any kind, as the history keeps it before and after a change. */
export const knowledgeItemDtoSchema = z.union([faqDtoSchema, policyDtoSchema, productDtoSchema, scriptDtoSchema]);
export type KnowledgeItemDto = z.infer<typeof knowledgeItemDtoSchema>;

/** One change: who made it, when, and the item before (update, delete) and after (create, update). */
export const knowledgeChangeDtoSchema = z
  .object({
    id: z.string(),
    entity: z.enum(KNOWLEDGE_ENTITIES),
    entityId: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    staffId: z.string(),
    /** who made it, as the shop knows them (absent when that member is gone) */
    staffName: z.string().optional(),
    /** the change this one undid */
    undoOf: z.string().optional(),
    before: knowledgeItemDtoSchema.optional(),
    after: knowledgeItemDtoSchema.optional(),
    at: z.string(),
  })
  .strict();
export type KnowledgeChangeDto = z.infer<typeof knowledgeChangeDtoSchema>;
