// Industry templates: what a new shop starts with (FAQ, policies, scripts, welcome texts, scenario defaults, copy
// tone), applied in the owner's knowledge step through the knowledge editor, the WeCom app and the outreach settings.
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { RedisLock } from '../../redis/lock.js';
import { KnowledgeTemplateService, type KnowledgeTemplateDeps } from './knowledge-template.service.js';
import { knowledgeTemplateRoutes } from './knowledge-template.routes.js';
import { openTemplateRepositories } from './templates.repositories.js';

export interface TemplatesModuleDeps extends Omit<KnowledgeTemplateDeps, 'applications'> {
  db: Database;
  locks: RedisLock;
}

export function build(d: TemplatesModuleDeps) {
  const { applications } = openTemplateRepositories(d.db);
  const knowledgeTemplate = new KnowledgeTemplateService({ ...d, applications });
  const routes: RoutesOf = () => ({ api: [knowledgeTemplateRoutes(knowledgeTemplate)] });
  return { knowledgeTemplate, applications, routes };
}

export type Templates = ReturnType<typeof build>;
