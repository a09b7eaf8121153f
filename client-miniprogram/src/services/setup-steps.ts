// The owner's setup checklist (issue 15's six steps, in order), each step's state read live from what the server
// already knows: the merchant and its shops, the WeCom configuration check, the staff list, the knowledge and the
// customers. Pure: the checklist page loads the sources, this decides what each step says.
import type { ConfigCheck } from '@xiaoer/common/api/wecom';
import type { MerchantDto } from '@xiaoer/common/schemas/merchant';
import { PENDING_OWNER_WECOM_USERID } from '@xiaoer/common/constants/roles';
import type { StaffDto } from '@xiaoer/common/schemas/staff';

/** Where the owner's setup is followed, step by step (resumed here at any time). */
export const CHECKLIST_PAGE = '/pages/setup/checklist';

export const SETUP_STEPS = [
  { key: 'business', title: '店铺信息', url: '/pages/setup/business' },
  // way 1, the self-built app: credentials, what to paste where, WeCom's verification, the checks, 微信客服 accounts
  { key: 'wecom', title: '连接企业微信', url: '/pages/setup-wecom/index' },
  // the members of the WeCom app's visible range: synced, the owner's own member claimed, roles and shops, invites
  { key: 'staff', title: '员工', url: '/pages/setup/staff' },
  // the industry template to review and fill, the menu imported or typed in, the first 联系我 QR code
  { key: 'knowledge', title: '知识库和菜单', url: '/pages/setup/knowledge' },
  // the WeCom contact sync with its progress, and the member list from a spreadsheet
  { key: 'customers', title: '老顾客', url: '/pages/setup/customers' },
  // the owner's own WeChat tests the bot on 微信客服, then 开始营业
  { key: 'golive', title: '测试并开始营业', url: '/pages/setup/golive' },
] as const;
export type StepKey = (typeof SETUP_STEPS)[number]['key'];

/** done; to do; started but something needs fixing; still being checked; could not be read; not open yet */
export type StepState = 'done' | 'todo' | 'attention' | 'checking' | 'unknown' | 'later';

export interface StepStatus {
  key: StepKey;
  title: string;
  state: StepState;
  /** what was found, in a line */
  detail: string;
  /** what to do about it */
  fix?: string;
  /** the page where the owner does this step, when the console has one */
  url?: string;
  /** something the checklist can start right there */
  action?: 'sync_customers';
}

/** Each source as loaded: its value, the error it failed with, or undefined while it loads. */
type Source<T> = T | Error | undefined;
export interface SetupSources {
  merchant: Source<MerchantDto>;
  wecom: Source<ConfigCheck[]>;
  staff: Source<StaffDto[]>;
  /** `waiting`: FAQ and policies with a 【请填写】 blank the owner has not filled (the bot does not use them) */
  knowledge: Source<{ products: number; faqs: number; policies: number; waiting?: number }>;
  /** whether the merchant has any customer yet */
  customers: Source<boolean>;
  /** whether the shop has gone live (开始营业); absent: not loaded (read as not yet) */
  golive?: Source<{ live: boolean }>;
}

const WEEKDAY_COUNT = 7;

/** What the business step still lacks, in the owner's words (empty: done). */
export function businessGaps(merchant: MerchantDto): string[] {
  const gaps: string[] = [];
  if (merchant.shops.length === 0) gaps.push('添加至少一家门店');
  for (const shop of merchant.shops) {
    const missing = [!shop.address && '地址', !shop.phone && '电话'].filter(Boolean);
    if (missing.length) gaps.push(`补上「${shop.name}」的${missing.join('和')}`);
  }
  if (merchant.businessHours.length === 0) gaps.push('设置营业时间');
  return gaps;
}

/** How many days a week the shop opens (a weekday may have several spans). */
export const openDays = (merchant: MerchantDto) => new Set(merchant.businessHours.map((s) => s.weekday)).size;

function business(merchant: MerchantDto): Omit<StepStatus, 'key' | 'title'> {
  const gaps = businessGaps(merchant);
  const closed = WEEKDAY_COUNT - openDays(merchant);
  const summary = `${merchant.name} · ${merchant.industry} · ${merchant.shops.length} 家门店`;
  if (gaps.length === 0)
    return { state: 'done', detail: `${summary} · 每周${closed ? `休息 ${closed} 天` : '都营业'}` };
  const started = merchant.shops.length > 0 || merchant.businessHours.length > 0;
  return { state: started ? 'attention' : 'todo', detail: summary, fix: `还需要：${gaps.join('；')}` };
}

function wecom(checks: ConfigCheck[]): Omit<StepStatus, 'key' | 'title'> {
  const app = checks.find((c) => c.key === 'app');
  if (!app?.ok) return { state: 'todo', detail: '还没有连接企业微信', fix: app?.fix };
  const failing = checks.filter((c) => !c.ok);
  if (failing.length === 0) return { state: 'done', detail: `已连接，${checks.length} 项检查都通过` };
  const [first] = failing;
  return { state: 'attention', detail: `${first!.title}：${first!.message}`, fix: first!.fix };
}

function staff(members: StaffDto[]): Omit<StepStatus, 'key' | 'title'> {
  const synced = members.filter((m) => m.wecomUserId !== PENDING_OWNER_WECOM_USERID);
  if (synced.length === 0)
    return { state: 'todo', detail: '还没有员工', fix: '连接企业微信后，同步通讯录里的员工，再给每人设好角色和门店' };
  const detail = `${synced.length} 位员工`;
  // the owner still signed in by the setup link: their WeCom sign-in is not the owner's until they pick themselves
  if (synced.length < members.length)
    return { state: 'attention', detail, fix: '在「员工」里选出你自己的企业微信账号' };
  return { state: 'done', detail };
}

function knowledge(k: {
  products: number;
  faqs: number;
  policies: number;
  waiting?: number;
}): Omit<StepStatus, 'key' | 'title'> {
  const detail = `菜单/商品 ${k.products} 项 · 常见问答 ${k.faqs} 条 · 店规 ${k.policies} 条`;
  const waiting = k.waiting ?? 0;
  const answers = k.faqs + k.policies - waiting;
  if (k.products > 0 && answers > 0 && waiting > 0)
    return { state: 'attention', detail, fix: `还有 ${waiting} 条【请填写】没补上，补上之前小二不会用它们回答` };
  if (k.products > 0 && answers > 0) return { state: 'done', detail };
  if (k.products === 0 && answers === 0)
    return { state: 'todo', detail: '还没有菜单和问答', fix: '导入菜单表格或逐个录入，再补上常见问答' };
  return { state: 'attention', detail, fix: k.products === 0 ? '还需要菜单或商品' : '还需要常见问答或店规' };
}

function customers(any: boolean, wecomDone: boolean): Omit<StepStatus, 'key' | 'title'> {
  if (any) return { state: 'done', detail: '已有顾客' };
  if (wecomDone) return { state: 'todo', detail: '还没有顾客', fix: '从企业微信同步老顾客', action: 'sync_customers' };
  return { state: 'todo', detail: '还没有顾客', fix: '连接企业微信后，可一键同步老顾客' };
}

function goLive(g: { live: boolean }): Omit<StepStatus, 'key' | 'title'> {
  if (g.live) return { state: 'done', detail: '已开始营业，小二在为顾客服务' };
  return { state: 'later', detail: '前面几步完成后，用自己的微信发条消息试试，再开始营业' };
}

/** Every step in order with its state; a source still loading reads as being checked, a failed one as unknown. */
export function setupSteps(s: SetupSources): StepStatus[] {
  const wecomDone = Array.isArray(s.wecom) && wecom(s.wecom).state === 'done';
  const of = <T>(source: Source<T>, decide: (value: T) => Omit<StepStatus, 'key' | 'title'>) =>
    source === undefined
      ? { state: 'checking' as const, detail: '正在检查…' }
      : source instanceof Error
        ? { state: 'unknown' as const, detail: `暂时查不到：${source.message}` }
        : decide(source);
  const decided: Record<StepKey, Omit<StepStatus, 'key' | 'title'>> = {
    business: of(s.merchant, business),
    wecom: of(s.wecom, wecom),
    staff: of(s.staff, staff),
    knowledge: of(s.knowledge, knowledge),
    customers: of(s.customers, (any) => customers(any, wecomDone)),
    golive: of(s.golive ?? { live: false }, goLive),
  };
  return SETUP_STEPS.map((step) => ({
    key: step.key,
    title: step.title,
    url: 'url' in step ? step.url : undefined,
    ...decided[step.key],
  }));
}

/** The first step not done yet that the owner can act on now (resuming where they left off). */
export const nextStep = (steps: StepStatus[]) => steps.find((s) => s.state !== 'done' && s.url);

export const doneCount = (steps: StepStatus[]) => steps.filter((s) => s.state === 'done').length;
