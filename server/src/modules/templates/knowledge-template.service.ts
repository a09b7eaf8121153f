// Applying the merchant's industry template in the knowledge step: FAQ, policies and scripts through the knowledge
// editor (so the change history records who, and FAQ and policy writes renew the bot's snapshot), welcome texts on the
// WeCom app, scenario defaults into the outreach settings (whose repository renews the snapshot too), and an entry in
// the merchant's audit list. Each starter is given once (TemplateApplicationRepository): applying again adds only
// what was never given, so nothing the owner edited or deleted is written over or brought back.
import type {
  KnowledgeTemplateDto,
  KnowledgeTemplateResult,
  WelcomeText,
} from '@xiaoer/common/schemas/knowledge-template';
import { hasBlank, WELCOME_CHANNELS } from '@xiaoer/common/schemas/knowledge-template';
import { applyIndustryTemplate, resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { Session } from '../../auth/session.js';
import { notFound } from '../../errors/app-error.js';
import type { RedisLock } from '../../redis/lock.js';
import { tenantKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KnowledgeAdminService } from '../knowledge/knowledge-admin.service.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { MerchantAuditRepository } from '../merchants/merchant-audit.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { IndustryTemplate } from './industry-template.js';
import type { TemplateApplicationRepository } from './template-application.repository.js';
import { fillFacts, shopFacts } from './template-fill.js';
import { INDUSTRY_KNOWLEDGE } from './templates.js';

export interface KnowledgeTemplateDeps {
  admin: Pick<KnowledgeAdminService, 'create' | 'list'>;
  merchants: Pick<MerchantRepository, 'findById' | 'setOutreach'>;
  shops: Pick<ShopRepository, 'list'>;
  welcomes: Pick<WecomAppRepository, 'welcomeTexts' | 'setWelcomeTexts'>;
  applications: TemplateApplicationRepository;
  audit: Pick<MerchantAuditRepository, 'record'>;
  locks: RedisLock;
}

const SCENARIOS_KEY = 'scenarios';
const welcomeKey = (channel: string) => `welcome:${channel}`;
const actorOf = (session: Session): AuditActor => ({ kind: 'staff', id: session.staffId });

export class KnowledgeTemplateService {
  constructor(private d: KnowledgeTemplateDeps) {}

  async describe(merchantId: MerchantId): Promise<KnowledgeTemplateDto> {
    const [merchant, applied] = await Promise.all([
      this.d.merchants.findById(merchantId),
      this.d.applications.find(merchantId),
    ]);
    if (!merchant) throw notFound('商户不存在');
    const t = INDUSTRY_KNOWLEDGE[merchant.industry];
    return {
      industry: t.industry,
      tone: t.tone,
      counts: { faq: t.faqs.length, policy: t.policies.length, script: t.scripts.length, welcome: t.welcomes.length },
      scenarios: [...t.scenarios.enabled],
      ...(applied && { appliedAt: applied.appliedAt.toISOString() }),
    };
  }

  /** One apply at a time per merchant (a double tap must not give a starter twice). */
  apply(session: Session): Promise<KnowledgeTemplateResult> {
    const key = tenantKey(session.merchantId, 'knowledge-template');
    return this.d.locks.withLock(key, { ttlMs: 60_000, waitMs: 30_000 }, () => this.applyLocked(session));
  }

  private async applyLocked(session: Session): Promise<KnowledgeTemplateResult> {
    const { merchantId } = session;
    const [merchant, shops, application] = await Promise.all([
      this.d.merchants.findById(merchantId),
      this.d.shops.list(merchantId),
      this.d.applications.find(merchantId),
    ]);
    if (!merchant) throw notFound('商户不存在');
    const t: IndustryTemplate = INDUSTRY_KNOWLEDGE[merchant.industry];
    const given = new Set(application?.appliedKeys ?? []);
    const fill = (text: string) => fillFacts(text, shopFacts(merchant, shops));
    const created = { faq: 0, policy: 0, script: 0, welcome: 0 };
    let kept = 0;
    const mark = (k: string) => this.d.applications.given(merchantId, t.industry, [k]);

    for (const f of t.faqs) {
      if (given.has(f.key)) kept++;
      else {
        await this.d.admin.create(session, 'faq', { questions: f.questions, answer: fill(f.answer) });
        await mark(f.key);
        created.faq++;
      }
    }
    for (const p of t.policies) {
      if (given.has(p.key)) kept++;
      else {
        await this.d.admin.create(session, 'policy', { kind: p.kind, title: p.title, content: fill(p.content) });
        await mark(p.key);
        created.policy++;
      }
    }
    for (const s of t.scripts) {
      if (given.has(s.key)) kept++;
      else {
        await this.d.admin.create(session, 'script', {
          category: s.category,
          title: s.title,
          content: fill(s.content),
        });
        await mark(s.key);
        created.script++;
      }
    }

    // Welcome texts live on the WeCom app: they wait for it. A channel the owner already wrote for keeps theirs.
    const welcomes = await this.d.welcomes.welcomeTexts(merchantId);
    if (welcomes) {
      const fresh = t.welcomes.filter((w) => !given.has(welcomeKey(w.channel)));
      const add = fresh.filter((w) => !welcomes.some((own) => own.channel === w.channel));
      if (add.length) await this.d.welcomes.setWelcomeTexts(merchantId, [...welcomes, ...add]);
      if (fresh.length)
        await this.d.applications.given(
          merchantId,
          t.industry,
          fresh.map((w) => welcomeKey(w.channel)),
        );
      created.welcome = add.length;
      kept += t.welcomes.length - add.length;
    }

    // Scenario defaults: saved as the owner's settings unless the owner has saved their own.
    let scenarios: KnowledgeTemplateResult['scenarios'] = 'kept';
    if (!given.has(SCENARIOS_KEY) && !merchant.outreach) {
      const settings = applyIndustryTemplate(resolveOutreachSettings(undefined, t.industry), t.industry);
      await this.d.merchants.setOutreach(merchantId, settings);
      scenarios = 'applied';
    }
    await this.d.applications.given(merchantId, t.industry, [SCENARIOS_KEY]);
    await this.d.audit.record(merchantId, {
      actor: actorOf(session),
      action: 'knowledge.template_applied',
      target: t.industry,
    });
    return {
      industry: t.industry,
      created,
      kept,
      scenarios,
      welcomesWaitForWecom: welcomes === null,
      needsOwner: await this.needsOwner(merchantId),
    };
  }

  /** FAQ, policies and scripts that still have a blank (the bot and staff leave them alone until it is filled). */
  private async needsOwner(merchantId: MerchantId): Promise<number> {
    const [faqs, policies, scripts] = await Promise.all([
      this.d.admin.list(merchantId, 'faq'),
      this.d.admin.list(merchantId, 'policy'),
      this.d.admin.list(merchantId, 'script'),
    ]);
    return (
      faqs.filter((f) => hasBlank(f.answer, ...f.questions)).length +
      policies.filter((p) => hasBlank(p.title, p.content)).length +
      scripts.filter((s) => hasBlank(s.title, s.content)).length
    );
  }

  async welcomeTexts(merchantId: MerchantId): Promise<WelcomeText[]> {
    const stored = (await this.d.welcomes.welcomeTexts(merchantId)) ?? [];
    // only channels the console knows (a text stored for anything else is not the owner's to see here)
    return stored.filter((w): w is WelcomeText => (WELCOME_CHANNELS as readonly string[]).includes(w.channel));
  }

  async saveWelcomeTexts(session: Session, items: WelcomeText[]): Promise<WelcomeText[]> {
    const saved = await this.d.welcomes.setWelcomeTexts(session.merchantId, items);
    if (!saved) throw notFound('请先接入企业微信');
    await this.d.audit.record(session.merchantId, { actor: actorOf(session), action: 'welcome_texts.updated' });
    return items;
  }
}
