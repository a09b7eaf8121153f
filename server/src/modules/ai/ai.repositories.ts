import type { Database } from '../../db/database.js';
import type { KnowledgeVersion } from '../knowledge/knowledge-version.js';
import { aiDecisionModel } from './ai-decision.model.js';
import { AiDecisionRepository } from './ai-decision.repository.js';
import { draftFeedbackModel } from './draft-feedback.model.js';
import { DraftFeedbackRepository } from './draft-feedback.repository.js';
import { llmSettingsModel } from './llm-settings.model.js';
import { LlmSettingsRepository } from './llm-settings.repository.js';
import { llmUsageModel } from './llm-usage.model.js';
import { LlmUsageRepository } from './llm-usage.repository.js';
import { morningSummaryModel } from './morning-summary.model.js';
import { MorningSummaryRepository } from './morning-summary.repository.js';

/** The AI module's repositories, opened on the process's database; LLM settings writes bump `version`. */
export const openAiRepositories = (db: Database, version: KnowledgeVersion) => ({
  decisions: new AiDecisionRepository(aiDecisionModel(db)),
  llmUsage: new LlmUsageRepository(llmUsageModel(db)),
  llmSettings: new LlmSettingsRepository(llmSettingsModel(db), version),
  draftFeedback: new DraftFeedbackRepository(draftFeedbackModel(db)),
  morningSummaries: new MorningSummaryRepository(morningSummaryModel(db)),
});
