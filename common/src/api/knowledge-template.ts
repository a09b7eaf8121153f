// The owner's knowledge step: the industry template (FAQ, policies, scripts, welcome texts, scenario defaults) applied
// once and then the owner's to edit, and the welcome texts per 联系我 channel. FAQ, policies and scripts are then
// edited through api/knowledge; the first channel code is made through api/channels.
import { z } from 'zod';
import {
  knowledgeTemplateDtoSchema,
  knowledgeTemplateResultSchema,
  welcomeTextsSchema,
} from '../schemas/knowledge-template.js';
import { defineEndpoint } from './contract.js';

/** The merchant's industry template and when it was applied (managers and owners). */
export const template = defineEndpoint({
  method: 'GET',
  path: '/knowledge/template',
  response: knowledgeTemplateDtoSchema,
});

/**
 * Applies the merchant's industry template (owners): adds the starters not applied before, each through the knowledge
 * editor (history with who) and the welcome texts and scenario defaults where the owner has not set their own.
 * Idempotent: applying again adds nothing already applied, and never overwrites what the owner edited or deleted.
 */
export const applyTemplate = defineEndpoint({
  method: 'POST',
  path: '/knowledge/template/apply',
  request: z.object({}).strict(),
  response: knowledgeTemplateResultSchema,
});

/** The welcome texts per channel (anyone of the shop reads them); empty until WeCom is connected. */
export const welcomeTexts = defineEndpoint({
  method: 'GET',
  path: '/knowledge/welcome-texts',
  response: welcomeTextsSchema,
});

/** Replaces the welcome texts (managers and owners); 404 `请先接入企业微信` before WeCom is connected. */
export const saveWelcomeTexts = defineEndpoint({
  method: 'PUT',
  path: '/knowledge/welcome-texts',
  request: welcomeTextsSchema,
  response: welcomeTextsSchema,
});
