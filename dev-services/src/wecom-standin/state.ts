// Everything the stand-in knows, inspectable (and adjustable) by tests: corps, apps and their tokens, members,
// external contacts and follow relations, tags, 微信客服 accounts, sessions and messages, group-send tasks.
import { randomBytes } from 'node:crypto';
import { SuiteState } from './suite-state.js';

export const TOKEN_TTL_SECONDS = 7200;
export const KF_WINDOW_MS = 48 * 3600_000;
export const KF_REPLIES_PER_CUSTOMER_MESSAGE = 5;
export const WELCOME_CODE_TTL_MS = 20_000;

export interface App {
  agentId: number;
  secret: string;
  /** an app authorised under 微信客服 → 可调用接口的应用 may call kf/* */
  kfAuthorised: boolean;
  /**
   * the 微信客服 accounts the app may manage (「可管理的客服账号」): kf/account/list reports the others with
   * manage_privilege false and kf calls naming them fail with 95000 (every account of the corp when unset)
   */
  kfManaged?: string[];
  /** added under 客户联系 → API → 可调用接口的应用: externalcontact/* answer 48002 when false (true when unset) */
  contactAuthorised?: boolean;
  /** the app's name, as agent/get reports it */
  name?: string;
  /**
   * the app's 可见范围: members named one by one and departments (with their sub-departments). Unset: every member
   * of the corp, named one by one (the stand-in's default before departments existed)
   */
  visibleUsers?: string[];
  visibleParties?: number[];
  /** 通讯录 tags in the range: their members and departments */
  visibleTags?: number[];
  /**
   * WeCom withholds every member's name from this app (a 代开发 app the admin has not authorised for names, a
   * third-party app): the contact APIs answer the userid in its place and change_contact carries no Name
   */
  namesWithheld?: boolean;
}

/** A member of the corp (通讯录): the departments they belong to; `nameHidden` withholds this one's name from apps. */
export interface Member {
  corpId: string;
  userid: string;
  name: string;
  departments?: number[];
  nameHidden?: boolean;
}

/** A department (部门) of the corp's 通讯录; 1 is the corp itself. */
export interface Department {
  corpId: string;
  id: number;
  parentId: number;
  name: string;
}

export interface Corp {
  corpId: string;
  apps: App[];
  callback?: { url: string; token: string; encodingAesKey: string };
  /** ip allow-list failure simulation: when set, every call fails with 60020 */
  ipBlocked?: boolean;
  /** the app's 可信域名: JS-SDK signatures only verify for pages on these hosts (any host when unset) */
  trustedDomains?: string[];
  /** members with 客户联系 enabled (客户联系 → 权限配置 → 使用范围): get_follow_user_list (every member when unset) */
  followUsers?: string[];
}

export interface GroupChat {
  corpId: string;
  chatId: string;
  name: string;
  owner: string;
  notice: string;
  createTime: number;
  /** type 1: a corp member, 2: an external contact */
  members: { userid: string; type: 1 | 2; joinTime: number; joinScene: 1 | 2 | 3 }[];
}

/** Media uploaded with media/upload: valid for three days, as in WeCom. */
export const MEDIA_TTL_MS = 3 * 24 * 3600_000;

export interface IssuedToken {
  corpId: string;
  agentId: number;
  expiresAt: number;
}

export interface ExternalContact {
  externalUserId: string;
  name: string;
  avatar: string;
  gender: 0 | 1 | 2;
  unionid?: string;
  /** userid → how the member follows this customer */
  followers: Map<
    string,
    {
      remark: string;
      /** the phone numbers the member noted on the contact (客户详情 → 电话) */
      remarkMobiles?: string[];
      createtime: number;
      tagIds: string[];
      state?: string;
      addWay: number;
    }
  >;
}

export interface TagGroup {
  groupId: string;
  groupName: string;
  order: number;
  tags: { id: string; name: string; order: number; createTime: number }[];
}

export interface KfMessage {
  msgid: string;
  openKfId: string;
  externalUserId: string;
  sendTime: number;
  origin: 3 | 4 | 5;
  msgtype: string;
  text?: { content: string };
  event?: Record<string, unknown>;
  /** what any other kind carries, under its msgtype: image/voice/file {media_id}, location {latitude, ...} ... */
  body?: Record<string, unknown>;
}

export interface KfSession {
  openKfId: string;
  externalUserId: string;
  state: 0 | 1 | 2 | 3 | 4;
  servicerUserId?: string;
  lastCustomerMessageAt: number;
  sentSinceCustomerMessage: number;
}

export interface GroupSendTask {
  msgid: string;
  corpId: string;
  chatType: 'single' | 'group';
  sender: string;
  externalUserIds: string[];
  chatIds: string[];
  text?: string;
  /** add_msg_template's attachments as given (image, link, miniprogram, video, file; at most 9) */
  attachments?: Record<string, unknown>[];
  createdAt: number;
  /** set by tests (or staff in real WeCom): the member confirmed and sent */
  sentAt?: number;
  /** stopped by the corp (cancel_groupmsg_send) before the member sent it */
  cancelledAt?: number;
}

export class StandInState {
  corps = new Map<string, Corp>();
  /** 服务商代开发: the provider's template and what WeCom issued around it */
  readonly suite = new SuiteState();
  tokens = new Map<string, IssuedToken>();
  members = new Map<string, Member>();
  /** `${corpId}:${id}` → the corp's departments */
  departments = new Map<string, Department>();
  /** `${corpId}:${tagId}` → a 通讯录 tag (标签): the members and departments it names */
  memberTags = new Map<string, { users: string[]; parties: number[] }>();
  contacts = new Map<string, ExternalContact>();
  welcomeCodes = new Map<
    string,
    { corpId: string; userid: string; externalUserId: string; expiresAt: number; used: boolean }
  >();
  welcomeMessages: {
    corpId: string;
    userid: string;
    externalUserId: string;
    text?: string;
    attachments: unknown[];
    at: number;
  }[] = [];
  tagGroups = new Map<string, TagGroup[]>();
  kfAccounts = new Map<string, { corpId: string; openKfId: string; name: string }>();
  kfMessages: KfMessage[] = [];
  kfSessions = new Map<string, KfSession>();
  kfSyncTokens = new Map<string, { openKfId: string; expiresAt: number }>();
  kfSent: { msgid: string; openKfId: string; touser: string; msgtype: string; content?: unknown; at: number }[] = [];
  /** receptionists online per open_kfid: WeCom routes new sessions to them and API sends fail with 95018 */
  kfReceptionistsOnline = new Set<string>();
  contactWays = new Map<
    string,
    { corpId: string; configId: string; state?: string; users: string[]; qrCode: string }
  >();
  groupSendTasks: GroupSendTask[] = [];
  appMessages: { corpId: string; agentId: number; touser: string; msgtype: string; content: unknown }[] = [];
  /** message/send's duplicate check: when each member last received this exact content from this app */
  appMessageSentAt = new Map<string, number>();
  groupChats = new Map<string, GroupChat>();
  joinWays = new Map<
    string,
    { corpId: string; configId: string; chatIds: string[]; state?: string; remark?: string; qrCode: string }
  >();
  groupWelcomeTemplates = new Map<string, { corpId: string; templateId: string; text: string }>();
  /** temporary media: what media/upload took, and what customers sent to 微信客服 (with content, for media/get) */
  media = new Map<
    string,
    { corpId: string; type: string; bytes: number; expiresAt: number; content?: Buffer; contentType?: string }
  >();
  /** JS-SDK tickets issued, so the stand-in bridge can verify the signatures made with them */
  jsapiTickets = new Map<string, { corpId: string; agentId?: number; expiresAt: number }>();
  oauthCodes = new Map<string, { corpId: string; userid: string; expiresAt: number; used: boolean }>();
  miniProgramCodes = new Map<string, { openid: string; expiresAt: number; used: boolean }>();
  /** how many calls each path received, for tests that assert "not attempted" */
  calls = new Map<string, number>();
  /** forced errcodes: the next N calls to a path fail with this errcode */
  injected = new Map<string, { errcode: number; remaining: number }[]>();
  /** a per-corp per-path limit per minute (WeCom: 10,000; lowered by tests) */
  rateLimitPerMinute = 10_000;
  private windows = new Map<string, { windowStart: number; count: number }>();
  /** the stand-in's clock, moved forward by tests (tokens, 48 h window, welcome codes) */
  clockOffsetMs = 0;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  id(prefix: string, bytes = 12): string {
    return prefix + randomBytes(bytes).toString('hex');
  }

  corp(corpId: string): Corp | undefined {
    return this.corps.get(corpId);
  }

  addCorp(corp: Corp): Corp {
    this.corps.set(corp.corpId, corp);
    return corp;
  }

  addMember(corpId: string, userid: string, name: string, more: Pick<Member, 'departments' | 'nameHidden'> = {}): void {
    this.members.set(`${corpId}:${userid}`, { corpId, userid, name, ...more });
  }

  /** Counts a call against the per-minute window; true when it is over the limit (45009). */
  overRateLimit(corpId: string, path: string): boolean {
    const key = `${corpId}:${path}`;
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.windowStart >= 60_000) {
      this.windows.set(key, { windowStart: now, count: 1 });
      return false;
    }
    return ++window.count > this.rateLimitPerMinute;
  }

  injectError(path: string, errcode: number, times = 1): void {
    const list = this.injected.get(path) ?? [];
    list.push({ errcode, remaining: times });
    this.injected.set(path, list);
  }

  takeInjected(path: string): number | undefined {
    const list = this.injected.get(path);
    const next = list?.[0];
    if (!next) return undefined;
    if (--next.remaining <= 0) list!.shift();
    return next.errcode;
  }

  /** Expires every issued access token now: the next call with one gets 42001, as after 7200 s. */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /** Revokes tokens (a secret reset): the next call with one gets 40014. */
  revokeTokens(): void {
    this.tokens.clear();
  }
}
