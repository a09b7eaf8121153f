// Runs the customer scenarios for a merchant once a day, after their chosen time and outside quiet hours. Each run
// is idempotent: a finished run is recorded per merchant, scenario and day; a Redis lock keeps two workers from
// scanning at once; and drafts are unique per customer, scenario and day, so even a rerun after a crash adds nothing.
import type { Logger } from '../../logging/logger.js';
import type { RedisLock } from '../../redis/lock.js';
import { tenantKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { VisitReader } from '../customers/visit-reader.js';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import { consentVerdict, inQuietHours, isDue, isServiceNotice, policyVerdict } from './contact-policy.js';
import type { DraftService } from './draft.service.js';
import type { AnswerEngine } from '../ai/auto-reply.service.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { checkDraft } from './draft-check.js';
import { writeDrafts } from './draft-writer.js';
import { dayExpiry } from './notice-expiry.js';
import type { DraftRepository, NewDraft, RecentDraft } from './draft.repository.js';
import type { ScenarioRunRepository } from './scenario-run.repository.js';
import type { NewSuppression, SuppressionRepository } from './suppression.repository.js';
import { SourceUnavailable, type Candidate, type Scenario } from './scenarios.js';

const DAY_MS = 86_400_000;
export type RunOutcome =
  | { drafted: number; suppressed: number; sent?: number }
  | 'already_done'
  | 'busy'
  | 'not_due'
  | 'disabled'
  | 'not_live'
  /** what the scenario reads is down for now: not recorded as done, the next tick tries again */
  | 'unavailable'
  | 'failed';

export class ScenarioScanService {
  constructor(
    private d: {
      scenarios: Scenario[];
      knowledge: KnowledgeBaseService;
      /** the customers' visits of every kind: a visit answers a message (the cool-down) */
      visits: Pick<VisitReader, 'figuresSince'>;
      drafts: Pick<DraftRepository, 'recentFor' | 'insertMany'>;
      suppressions: Pick<SuppressionRepository, 'record'>;
      runs: ScenarioRunRepository;
      locks: RedisLock;
      logger: Logger;
      /** sends the drafts of scenarios the owner lets go without approval */
      sender: Pick<DraftService, 'autoSend'>;
      /** the merchant's engine: with an LLM configured, texts are rewritten in the shop's voice */
      engineFor: (merchantId: MerchantId, kb: KnowledgeBase) => Promise<AnswerEngine>;
      /** whether the shop has gone live (开始营业): a shop still in setup writes to no customer */
      live?: (merchantId: MerchantId) => Promise<boolean>;
    },
  ) {}

  /** Every scenario of one merchant; one failing scenario does not stop the others. */
  async scanMerchant(merchantId: MerchantId, now = new Date()): Promise<Record<string, RunOutcome>> {
    const outcomes: Record<string, RunOutcome> = {};
    if (this.d.live && !(await this.d.live(merchantId)))
      return Object.fromEntries(this.d.scenarios.map((s) => [s.key, 'not_live' as const]));
    for (const scenario of this.d.scenarios) {
      try {
        outcomes[scenario.key] = await this.run(merchantId, scenario, now);
      } catch (err) {
        this.d.logger.error({ err, scenario: scenario.key }, 'scenario failed');
        outcomes[scenario.key] = 'failed';
      }
    }
    return outcomes;
  }

  async run(merchantId: MerchantId, scenario: Scenario, now: Date): Promise<RunOutcome> {
    const kb = await this.d.knowledge.get(merchantId);
    const settings = resolveOutreachSettings(kb.merchant.outreach, kb.merchant.industry);
    const own = settings.scenarios[scenario.key];
    if (!own.enabled) return 'disabled';
    const local = localTime(now, merchantZone(kb.merchant));
    const continuous = scenario.timing === 'continuous';
    const runAt = typeof scenario.timing === 'function' ? scenario.timing(settings.scenarios) : settings.runAt;
    if ((!continuous && !isDue(local.minutes, runAt)) || inQuietHours(local.minutes, settings.policy)) return 'not_due';
    const day = local.date;
    if (!continuous && (await this.d.runs.isDone(merchantId, scenario.key, day))) return 'already_done';
    const lock = await this.d.locks.tryAcquire(tenantKey(merchantId, 'outreach', scenario.key, day), 10 * 60_000);
    if (!lock) return 'busy';
    try {
      let found: Candidate[];
      try {
        found = await scenario.find({ merchantId, kb, now, day, settings: settings.scenarios });
      } catch (err) {
        if (!(err instanceof SourceUnavailable)) throw err;
        this.d.logger.warn({ err: err.message, scenario: scenario.key }, 'scenario source unavailable');
        return 'unavailable';
      }
      // Everything the policy needs for all candidates in two queries, then two bulk inserts.
      const ids = found.map((c) => c.customer._id);
      const since = new Date(now.getTime() - Math.max(30, scenario.repeatAfterDays) * DAY_MS);
      // a notice about the customer's own class or booking is not marketing: consent only, no cap or cool-down
      const service = isServiceNotice(scenario.key);
      // visits before `since` predate every message weighed, so they answer none of them
      const [recentRows, visits] = await Promise.all([
        this.d.drafts.recentFor(merchantId, ids, since),
        service || !ids.length ? new Map<string, { last: Date }>() : this.d.visits.figuresSince(merchantId, since),
      ]);
      const recentBy = new Map<string, RecentDraft[]>();
      for (const r of recentRows)
        recentBy.set(String(r.customerId), [...(recentBy.get(String(r.customerId)) ?? []), r]);
      // a continuous scenario finds the same customer on every tick: one drafted today is done, not suppressed
      const dayStart = new Date(now.getTime() - local.minutes * 60_000 - (now.getTime() % 60_000));
      const candidates = continuous
        ? found.filter(
            (c) =>
              !recentBy
                .get(String(c.customer._id))
                ?.some((r) => r.scenario === scenario.key && r.createdAt >= dayStart),
          )
        : found;
      const suppressions: NewSuppression[] = [];
      const drafts: NewDraft[] = [];
      // a scenario about the day itself (作业督促, 生日祝福) lapses when the day ends, unless its notice says when
      const dayBound = dayExpiry(scenario.key, day, merchantZone(kb.merchant));
      const keyOf = (c: { customer: { _id: RecentDraft['customerId'] } }) => ({
        scenario: scenario.key,
        customerId: c.customer._id,
        day,
      });
      const allowed = candidates.filter((c) => {
        const recent = recentBy.get(String(c.customer._id)) ?? [];
        const reason =
          (service
            ? consentVerdict(c.customer)
            : policyVerdict(c.customer, recent, visits.get(String(c.customer._id))?.last, settings.policy, now, {
                since: dayStart,
                scenario: scenario.key,
              })) ??
          (recent.some(
            (r) =>
              r.scenario === scenario.key && now.getTime() - r.createdAt.getTime() < scenario.repeatAfterDays * DAY_MS,
          )
            ? 'recently_contacted'
            : null);
        if (reason) suppressions.push({ ...keyOf(c), reason, at: now });
        return !reason;
      });
      // Only customers who may be messaged are written to (an LLM call is not spent on a suppressed one).
      for (const c of await writeDrafts(
        await this.d.engineFor(merchantId, kb),
        kb,
        scenario.key,
        allowed,
        this.d.logger,
      )) {
        if (!checkDraft(c.text, c, kb).ok) suppressions.push({ ...keyOf(c), reason: 'guardrail', at: now });
        else {
          const expires = c.expires ?? dayBound;
          drafts.push({
            ...keyOf(c),
            text: c.text,
            reason: c.reason,
            citedIds: c.citedIds,
            writtenBy: c.writtenBy,
            ...(expires && { expiresAt: expires.at, expiryNote: expires.note }),
            status: 'pending',
            audit: [{ at: now, by: 'system', action: 'drafted', note: c.reason }],
            createdAt: now,
            updatedAt: now,
          });
        }
      }
      // Unique keys make a concurrent or repeated run insert nothing twice; duplicates are skipped, not errors.
      const suppressed = await this.d.suppressions.record(merchantId, suppressions);
      const drafted = await this.d.drafts.insertMany(merchantId, drafts);
      // Auto-send before the run is marked done: a crash in between leaves drafts pending, which the rerun sends. The
      // contact policy is weighed again as they are sent, on the scan's clock.
      const sent = own.autoSend ? await this.d.sender.autoSend(merchantId, scenario.key, day, now) : 0;
      // a continuous scenario runs again on the next tick: only a once-a-day run is recorded as done
      if (!continuous)
        await this.d.runs.record(merchantId, { scenario: scenario.key, day, drafted, suppressed, at: now });
      return { drafted, suppressed, ...(own.autoSend ? { sent } : {}) };
    } finally {
      await lock.release();
    }
  }
}
