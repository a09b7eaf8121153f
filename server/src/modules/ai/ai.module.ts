// The shop's knowledge and the AI as a module: what buildAi wires, their routes and the morning summary.
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import { knowledgeRoutes } from '../knowledge/knowledge.routes.js';
import { buildAi, type AiDeps } from './ai.container.js';
import { aiRoutes } from './ai.routes.js';
import { morningSummaryJob } from './morning-summary.job.js';

export function build(d: AiDeps & { fanOut: MerchantFanOut }) {
  const ai = buildAi(d);
  const routes: RoutesOf = () => ({
    api: [
      aiRoutes(ai.llm, d.merchants, ai.knowledge, ai.suggestions, ai.customerSummary),
      knowledgeRoutes(ai.knowledgeAdmin, ai.scriptUse, ai.scriptLibrary, ai.knowledgeImport),
    ],
  });
  const jobs = [morningSummaryJob({ ...d.fanOut, morningSummary: ai.morningSummary })];
  return { ...ai, routes, jobs };
}
