import { Schema, type Connection, type Types } from 'mongoose';

/**
 * Tokens charged per merchant per day (Shanghai date): the bill, and the seed of the Redis budget ledger
 * (token-budget.ts) when Redis has lost it.
 */
export interface LlmUsage {
  merchantId: Types.ObjectId;
  day: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** the part of totalTokens we estimated because the provider reported nothing (timeouts, cut streams) */
  estimatedTokens: number;
}
const usageSchema = new Schema<LlmUsage>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  day: { type: String, required: true },
  calls: { type: Number, default: 0 },
  promptTokens: { type: Number, default: 0 },
  completionTokens: { type: Number, default: 0 },
  totalTokens: { type: Number, default: 0 },
  estimatedTokens: { type: Number, default: 0 },
});
// Today's usage for the budget ledger's seed; unique so concurrent $inc upserts land on one document.
usageSchema.index({ merchantId: 1, day: 1 }, { unique: true });
export const llmUsageModel = (conn: Connection) => conn.model<LlmUsage>('LlmUsage', usageSchema, 'llm_usage');
export type LlmUsageModel = ReturnType<typeof llmUsageModel>;
