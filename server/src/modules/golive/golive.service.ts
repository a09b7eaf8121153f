// Going live (开始营业), the owner's last setup step, and what the bot may do before it.
//
// A merchant the operator created through setup starts in `setup`: its bot answers nobody on 微信客服 — a real
// customer writing before the owner is ready is stored and shown to staff like any message (the pipeline stores
// before the bot decides), just not answered by the bot. Only the owner's test conversations are answered, whatever
// the auto-reply mode and the hour, so the owner sees the real answer on the golive page:
//   - from their own WeChat: the owner taps "我要发消息了" on the golive page, which opens a 10-minute window; the
//     first conversation that starts on 微信客服 in that window is taken as theirs (one atomic claim that closes
//     the window). The page shows that conversation, so a stranger's message taken by chance is seen at once.
//   - in the demo: the stand-in plays the owner's WeChat with an external userid marked as a tester beforehand.
// "开始营业" (owner) turns the bot on in the chosen mode (after hours unless chosen otherwise) and the industry's
// scenarios, and records who did it. Merchants with no launch record (shops created before this step) count
// as live, so nothing changes for them: only the operator's creation writes `setup`.
import type { AutoReplyMode } from '@xiaoer/common/schemas/ai';
import type { GoLiveDto } from '@xiaoer/common/api/setup-golive';
import { applyIndustryTemplate, resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { MerchantAuditRepository } from '../merchants/merchant-audit.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { LaunchRecord, LaunchRepository } from './golive.repository.js';

/** What the bot may do with a customer's message: answer as configured, answer as a test, or stay silent. */
export type BotGate = 'live' | 'test' | 'setup';

export const TEST_WINDOW_MS = 10 * 60_000;
/** How often a missing contact link is asked for again (the page polls every 2 s; WeCom is asked at most this often). */
const LINK_RETRY_MS = 10 * 60_000;
export const GOLIVE_AUDIT = {
  wentLive: 'merchant.went_live',
  testStarted: 'setup.golive_test_started',
  testForgotten: 'setup.golive_test_forgotten',
} as const;
const DEFAULT_TEST_TEXT = '你好，请问你们几点营业？';

export interface GoLiveDeps {
  launches: LaunchRepository;
  merchants: MerchantRepository;
  audit: Pick<MerchantAuditRepository, 'record'>;
  apps: Pick<WecomAppRepository, 'findByMerchant'>;
  kf: Pick<KfRepository, 'conversation'>;
  staff: Pick<StaffRepository, 'findById'>;
  /** the 微信客服 account's contact link (kf/add_contact_way), for the owner to open in their own WeChat */
  kfContactUrl: (app: WecomCredentials, openKfId: string) => Promise<string>;
  /** the demo's WeCom stand-in: writes to 微信客服 as a customer; undefined outside the demo (always in production) */
  standIn?: { writesToKf(openKfId: string, externalUserId: string, text: string): Promise<void> };
  now?: () => Date;
}

export class GoLiveService {
  constructor(private d: GoLiveDeps) {}

  private now = () => this.d.now?.() ?? new Date();

  /**
   * The merchant's launch record. Written as `setup` when the operator creates the merchant (startSetup); a merchant
   * without one (shops from before this step) is live, so deploying this step silences no running shop.
   */
  async launch(merchantId: MerchantId): Promise<LaunchRecord> {
    return (await this.d.launches.find(merchantId)) ?? this.d.launches.ensure(merchantId, 'live');
  }

  /** A merchant the operator just created: in setup until its owner presses 开始营业. */
  async startSetup(merchantId: MerchantId): Promise<void> {
    await this.d.launches.ensure(merchantId, 'setup');
  }

  /** Asked by the bot for every customer message before it answers (see the file comment). */
  async gate(merchantId: MerchantId, externalUserId: string): Promise<BotGate> {
    const launch = await this.launch(merchantId);
    if (launch.status === 'live') return 'live';
    if (launch.testers.some((t) => t.externalUserId === externalUserId)) return 'test';
    return (await this.d.launches.claimTester(merchantId, externalUserId, this.now())) ? 'test' : 'setup';
  }

  async status(merchantId: MerchantId): Promise<GoLiveDto> {
    const [launch, merchant, app] = await Promise.all([
      this.launch(merchantId),
      this.d.merchants.findById(merchantId),
      this.d.apps.findByMerchant(merchantId),
    ]);
    if (!merchant) throw notFound();
    const links = app ? await this.links(merchantId, app, launch) : [];
    const latest = [...launch.testers].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    const messages = latest ? await this.d.kf.conversation(merchantId, latest.externalUserId, 20) : [];
    const by = launch.liveBy ? await this.d.staff.findById(merchantId, launch.liveBy).catch(() => null) : null;
    const live = launch.status === 'live';
    const testUntil = launch.testUntil && launch.testUntil > this.now() ? launch.testUntil.toISOString() : null;
    return {
      status: launch.status,
      ...(launch.liveAt ? { liveAt: launch.liveAt.toISOString() } : {}),
      ...(by ? { liveBy: by.name } : {}),
      autoReplyMode: merchant.autoReply?.mode ?? 'after_hours',
      kfAccounts: (app?.kfAccounts ?? []).map((k) => {
        const url = links.find((l) => l.openKfId === k.openKfId)?.url;
        return { openKfId: k.openKfId, name: k.name, ...(url ? { url } : {}) };
      }),
      standIn: Boolean(this.d.standIn),
      testUntil,
      conversation: latest
        ? {
            externalUserId: latest.externalUserId,
            messages: messages
              .filter((m) => (m.direction === 'in' || m.direction === 'out') && m.text)
              .map((m) => ({
                direction: m.direction as 'in' | 'out',
                text: m.text!,
                at: m.sentAt.toISOString(),
                ...(m.direction === 'out' && m.status ? { status: m.status } : {}),
              })),
          }
        : null,
      scenarios: live
        ? Object.entries(resolveOutreachSettings(merchant.outreach, merchant.industry).scenarios)
            .filter(([, s]) => s.enabled)
            .map(([key]) => key)
        : [],
    };
  }

  /** The owner is about to write from their own WeChat. */
  async startTest(merchantId: MerchantId, staffId: string): Promise<GoLiveDto> {
    const launch = await this.launch(merchantId);
    if (launch.status === 'live') throw conflict('已经开始营业了，直接发消息就能看到回答');
    await this.requireKfAccount(merchantId);
    await this.d.launches.openTest(merchantId, new Date(this.now().getTime() + TEST_WINDOW_MS));
    await this.d.audit.record(merchantId, { actor: { kind: 'staff', id: staffId }, action: GOLIVE_AUDIT.testStarted });
    return this.status(merchantId);
  }

  /** The latest test conversation was not the owner's: the bot no longer answers it before going live. */
  async forgetTest(merchantId: MerchantId, staffId: string): Promise<GoLiveDto> {
    const launch = await this.launch(merchantId);
    const latest = [...launch.testers].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (launch.status === 'setup' && latest) {
      await this.d.launches.removeTester(merchantId, latest.externalUserId);
      await this.d.audit.record(merchantId, {
        actor: { kind: 'staff', id: staffId },
        action: GOLIVE_AUDIT.testForgotten,
        target: latest.externalUserId,
      });
    }
    return this.status(merchantId);
  }

  /** Demo only: the stand-in writes to the shop's first 微信客服 account as the owner's WeChat (a marked tester). */
  async simulate(merchantId: MerchantId, text = DEFAULT_TEST_TEXT): Promise<GoLiveDto> {
    if (!this.d.standIn) throw notFound('只有演示环境可以模拟顾客');
    const kf = await this.requireKfAccount(merchantId);
    // one test WeChat per shop: the same conversation shows again on every try
    const externalUserId = `wmOwnerTest${String(merchantId).slice(-8)}`;
    await this.d.launches.addTester(merchantId, { externalUserId, at: this.now(), via: 'standin' });
    await this.d.standIn.writesToKf(kf.openKfId, externalUserId, text);
    return this.status(merchantId);
  }

  /**
   * 开始营业: the bot answers customers in `mode` (after hours unless chosen otherwise) and the proactive scenarios
   * run — the industry template's switches unless the owner (or the knowledge step's template) saved their own.
   * Audited with who pressed it; pressing it again changes nothing.
   */
  async launchShop(merchantId: MerchantId, staffId: string, mode: AutoReplyMode = 'after_hours'): Promise<GoLiveDto> {
    const launch = await this.launch(merchantId);
    if (launch.status === 'live') return this.status(merchantId);
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) throw notFound();
    await this.d.merchants.setAutoReplyMode(merchantId, mode);
    if (!merchant.outreach)
      await this.d.merchants.setOutreach(
        merchantId,
        applyIndustryTemplate(resolveOutreachSettings(undefined, merchant.industry), merchant.industry),
      );
    const now = this.now();
    if (await this.d.launches.markLive(merchantId, staffId, mode, now))
      await this.d.audit.record(
        merchantId,
        { actor: { kind: 'staff', id: staffId }, action: GOLIVE_AUDIT.wentLive, target: mode },
        now,
      );
    return this.status(merchantId);
  }

  /** The served accounts' contact links: those read before, else asked of WeCom (at most every 10 minutes). */
  private async links(merchantId: MerchantId, app: WecomCredentials, launch: LaunchRecord) {
    const known = launch.kfLinks ?? [];
    const missing = app.kfAccounts.filter((k) => !known.some((l) => l.openKfId === k.openKfId));
    if (!missing.length || !(await this.d.launches.claimLinkLookup(merchantId, this.now(), LINK_RETRY_MS)))
      return known;
    const found: { openKfId: string; url: string }[] = [];
    for (const k of missing) {
      // a link WeCom will not give (permissions, an account not ours) leaves the owner the admin console's route
      const url = await this.d.kfContactUrl(app, k.openKfId).catch(() => '');
      if (url) found.push({ openKfId: k.openKfId, url });
    }
    if (!found.length) return known;
    const links = [...known, ...found];
    await this.d.launches.saveLinks(merchantId, links);
    return links;
  }

  private async requireKfAccount(merchantId: MerchantId) {
    const kf = (await this.d.apps.findByMerchant(merchantId))?.kfAccounts[0];
    if (!kf)
      throw new AppError('validation_failed', {
        message: '还没有选择小二接待的微信客服账号，请先在“连接企业微信”里选择',
      });
    return kf;
  }
}
