// `npm run eval:ai`: how the engines do on 100+ real customer questions across the five industries.
//   accuracy          answered (not handed over) with every fact the right answer contains
//   invented facts    answers the guardrails block or that state a fact missing from the shop's data
//   handoff precision of the questions handed to a person, how many should have been
//   handoff recall    of the questions that should go to a person, how many were
// The offline engine always runs; set EVAL_LLM_BASE_URL / EVAL_LLM_MODEL / EVAL_LLM_KEY to evaluate an LLM too.
import { Types } from 'mongoose';
import type { AiAnswer } from '@xiaoer/common/schemas/ai';
import { checkReply } from '../src/modules/ai/guardrails.js';
import { LlmEngine } from '../src/modules/ai/llm-engine.js';
import { offlineAnswer } from '../src/modules/ai/offline-engine.js';
import { indexKnowledge, type KnowledgeBase } from '../src/modules/knowledge/knowledge-base.service.js';
import { EVAL_SHOPS, type EvalShop } from './industry-fixtures.js';

function knowledgeFor(shop: EvalShop): KnowledgeBase {
  const merchantId = new Types.ObjectId();
  const now = new Date();
  const stamp = { merchantId, createdAt: now, updatedAt: now };
  return indexKnowledge({
    merchant: {
      _id: merchantId,
      name: shop.name,
      industry: shop.industry,
      timezone: 'Asia/Shanghai',
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, ...shop.hours })),
      holidays: [],
      demo: false,
      autoReply: { mode: 'always' },
      createdAt: now,
      updatedAt: now,
    },
    shops: [{ _id: new Types.ObjectId(), slot: 1, ...shop.shop, ...stamp }],
    products: shop.products.map((p) => ({ ...p, _id: new Types.ObjectId(), ...stamp })),
    faqs: shop.faqs.map((f) => ({ ...f, _id: new Types.ObjectId(), ...stamp })),
    policies: shop.policies.map((p) => ({ ...p, _id: new Types.ObjectId(), ...stamp })),
  });
}

type Engine = (kb: KnowledgeBase, question: string) => Promise<AiAnswer>;

async function evaluate(name: string, engine: Engine) {
  let answeredRight = 0,
    answerable = 0,
    invented = 0,
    answered = 0,
    handedOff = 0,
    handedOffRight = 0,
    shouldHandOff = 0;
  let slowest = 0;
  const misses: string[] = [];
  for (const shop of EVAL_SHOPS) {
    const kb = knowledgeFor(shop);
    for (const c of shop.cases) {
      const started = performance.now();
      const a = await engine(kb, c.q);
      slowest = Math.max(slowest, performance.now() - started);
      const guard = checkReply(a.reply, a.citedIds, kb, shop.industry);
      const handoff = a.needsHuman || !guard.ok || a.confidence < 0.6;
      if (c.handoff) shouldHandOff++;
      else answerable++;
      if (handoff) {
        handedOff++;
        if (c.handoff) handedOffRight++;
        else misses.push(`[${shop.industry}] ${c.q} → handed over (${a.reason})`);
        continue;
      }
      answered++;
      if (!guard.ok) invented++;
      if (!c.handoff && c.facts.every((f) => a.reply.includes(f))) answeredRight++;
      else misses.push(`[${shop.industry}] ${c.q} → ${a.reply}`);
    }
  }
  // Per-answer time, after a warm-up pass (jieba and the JIT), over every question 20 times.
  const times: number[] = [];
  for (const shop of EVAL_SHOPS) {
    const kb = knowledgeFor(shop);
    for (let round = 0; round < 20; round++) {
      for (const c of shop.cases) {
        const t = performance.now();
        await engine(kb, c.q);
        times.push(performance.now() - t);
      }
    }
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2);
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
  console.log(
    `\n${name}: ${answerable + shouldHandOff} questions (${answerable} answerable, ${shouldHandOff} for a person)`,
  );
  console.log(
    `time per answer: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms (first, cold answer: ${slowest.toFixed(2)} ms)`,
  );
  console.table({
    'answer accuracy': pct(answeredRight, answerable),
    'invented-fact rate (of answers sent)': pct(invented, answered),
    'handoff precision': pct(handedOffRight, handedOff),
    'handoff recall': pct(handedOffRight, shouldHandOff),
  });
  if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
  return { invented, recall: handedOffRight / shouldHandOff };
}

const offline = await evaluate('offline engine', async (kb, q) => offlineAnswer(kb, q));
if (process.env.EVAL_LLM_BASE_URL) {
  const llm = new LlmEngine({
    baseUrl: process.env.EVAL_LLM_BASE_URL,
    apiKey: process.env.EVAL_LLM_KEY ?? '',
    model: process.env.EVAL_LLM_MODEL ?? 'deepseek-chat',
    timeoutMs: 20_000,
    budget: { reserve: async () => ({ settle: async () => {} }) }, // the evaluation is not metered
    profile: async () => ({}),
  });
  await evaluate(`LLM ${process.env.EVAL_LLM_MODEL ?? ''}`, (kb, q) =>
    llm.answer(kb, q, { externalUserId: 'eval', history: [] }),
  );
}
// The offline engine's promise: no invented facts, and a handoff whenever it is unsure.
if (offline.invented > 0 || offline.recall < 1) process.exitCode = 1;
