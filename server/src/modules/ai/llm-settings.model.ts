import { Schema, type Connection, type Types } from 'mongoose';

/** A merchant's LLM: any OpenAI-compatible endpoint, its model, the key (sealed) and a daily token budget. */
export interface LlmSettings {
  merchantId: Types.ObjectId;
  baseUrl: string;
  model: string;
  apiKeySealed: string;
  dailyTokenBudget: number;
  /** the endpoint's speech-to-text model: set when it transcribes voice notes */
  speechModel?: string;
  /** the model that reads pictures: set when the endpoint offers vision */
  visionModel?: string;
}

const schema = new Schema<LlmSettings>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  baseUrl: { type: String, required: true },
  model: { type: String, required: true },
  apiKeySealed: { type: String, required: true },
  dailyTokenBudget: { type: Number, default: 200_000 },
  speechModel: String,
  visionModel: String,
});
// One setting per merchant, read on every bot answer.
schema.index({ merchantId: 1 }, { unique: true });
export const llmSettingsModel = (conn: Connection) => conn.model<LlmSettings>('LlmSettings', schema, 'llm_settings');
export type LlmSettingsModel = ReturnType<typeof llmSettingsModel>;
