// The group calendar (群SOP) at work: each week, every live group whose layer has a calendar gets its posts drafted
// (80/20 kept by planWeek, texts grounded by writePost and checked by the guardrails); the owner approves, edits or
// rejects; an approved post becomes a group-send task (chat_type group) for the group's owner to confirm in WeCom.
// A group post reaches every member (see group-post-audience.ts): it never names one who opted out, and the owner's
// review shows how many of them the group holds.
import {
  GROUP_POST_KINDS,
  MAX_PROMO_SHARE,
  resolveGroupCalendars,
  type CalendarSlot,
  type GroupLayer,
  type GroupPostKind,
} from '@xiaoer/common/constants/groups';
import type { WeekDraftOutcome } from '@xiaoer/common/schemas/group-post';
import type { Session } from '../../auth/session.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { checkReply, violationsText } from '../ai/guardrails.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { AnswerEngine } from '../ai/auto-reply.service.js';
import { addDays, periodContaining } from '../clock/period.js';
import { merchantZone } from '../clock/business-hours.js';
import { planWeek } from './group-calendar.js';
import type { GroupPost } from './group-post.model.js';
import type { GroupPostRecord, GroupPostRepository, GroupPostStatus } from './group-post.repository.js';
import { nameableMembers, namedBy, namesWithdrawnMember, optedOutMembers } from './group-post-audience.js';
import { weatherPost, writePost, type WrittenPost } from './group-post-writer.js';
import type { GroupChatRecord, GroupChatRepository } from './group.repository.js';
import { weekAttendance, type StudentAttendance } from './week-attendance.js';
import { SIGNAL_NAMES, type WeatherSignal } from '../weather/weather-signals.js';

/** Weather care goes out early, before the calendar's first slots of the day. */
const WEATHER_POST_AT = '08:30';
/** A drafted slot's identity: the unique index's fields. */
const slotKey = (chatId: string, s: Pick<GroupPost, 'date' | 'at' | 'topic'>) =>
  `${chatId} ${s.date} ${s.at} ${s.topic}`;

export class GroupPostService {
  constructor(
    private d: {
      posts: GroupPostRepository;
      groups: GroupChatRepository;
      customers: CustomerRepository;
      knowledge: KnowledgeBaseService;
      groupSends: GroupSendService;
      /** the week's attendance of the group's students (tutoring) */
      attendance: StudentAttendance;
      /** the merchant's engine: with an LLM configured, posts are rewritten in the shop's voice */
      engineFor: (merchantId: MerchantId, kb: KnowledgeBase) => Promise<AnswerEngine>;
    },
  ) {}

  /** `from`: skip the week's slots before this date (the weekly job mid-week does not draft the past). */
  async draftWeek(merchantId: MerchantId, monday: string, now = new Date(), from?: string): Promise<WeekDraftOutcome> {
    const kb = await this.d.knowledge.get(merchantId);
    const calendars = resolveGroupCalendars(kb.merchant.industry, kb.merchant.groupCalendars);
    const groups = await this.layeredGroups(merchantId, calendars);
    const outcome: WeekDraftOutcome = { groups: groups.length, drafted: 0, skipped: [], balance: [] };
    const weekDays = new Set(Array.from({ length: 7 }, (_, i) => addDays(monday, i).slice(5)));
    const engine = await this.d.engineFor(merchantId, kb);
    // every tick of the job plans the whole week: what is drafted already is not written (nor rewritten by the LLM) again
    const drafted = await this.draftedSlots(merchantId, monday, addDays(monday, 6));
    for (const group of groups) {
      const plan = planWeek(calendars[group.layer]!, monday);
      outcome.balance.push({
        chatId: group.chatId,
        promoPct: plan.promoPct,
        dropped: plan.dropped.map((s) => s.title),
      });
      const members = await nameableMembers(this.d.customers, merchantId, group.customerIds);
      const birthdays = members.filter((c) => c.birthday && weekDays.has(c.birthday.slice(5, 10)));
      const students = members.map((c) => c._id);
      const attendance = plan.slots.some((s) => s.topic === 'study_report')
        ? await weekAttendance(this.d.attendance, merchantId, students, monday)
        : undefined;
      for (const slot of plan.slots.filter(
        (s) => (!from || s.date >= from) && !drafted.has(slotKey(group.chatId, s)),
      )) {
        const written = writePost(slot, kb, birthdays, attendance);
        const post = written && (await this.inShopVoice(engine, kb, slot.title, GROUP_POST_KINDS[slot.kind], written));
        const named = namedBy(slot.topic, birthdays, members);
        const result = post
          ? await this.store(merchantId, kb, group.chatId, slot, { ...post, namedCustomerIds: named }, now)
          : { drafted: false, skipped: '没有可写的内容' };
        if (result.drafted) outcome.drafted++;
        if (result.skipped) outcome.skipped.push({ chatId: group.chatId, title: slot.title, reason: result.skipped });
      }
    }
    return outcome;
  }

  /**
   * The morning's weather care (rain, snow, heat, a cold snap) for every layered group, drafted the day before so the
   * owner can approve it in time: one per group and day (its own time slot), useful content, no offer invented.
   */
  async draftWeatherPosts(
    merchantId: MerchantId,
    date: string,
    signal: WeatherSignal,
    now = new Date(),
  ): Promise<number> {
    const kb = await this.d.knowledge.get(merchantId);
    const groups = await this.layeredGroups(
      merchantId,
      resolveGroupCalendars(kb.merchant.industry, kb.merchant.groupCalendars),
    );
    if (!groups.length) return 0;
    const title = `天气关怀：${SIGNAL_NAMES[signal]}`;
    const drafted = await this.draftedSlots(merchantId, date, date);
    const todo = groups.filter(
      (g) => !drafted.has(slotKey(g.chatId, { date, at: WEATHER_POST_AT, topic: 'weather_care' })),
    );
    if (!todo.length) return 0;
    const engine = await this.d.engineFor(merchantId, kb);
    const week = periodContaining('week', date, merchantZone(kb.merchant));
    // the post has two versions (with the shop's offer, or without): each written, and rewritten by the LLM, once
    const versions = new Map<boolean, Promise<WrittenPost & { kind: GroupPostKind }>>();
    const version = (promoAllowed: boolean) => {
      if (!versions.has(promoAllowed)) {
        const { kind, ...written } = weatherPost(kb, signal, title, promoAllowed);
        versions.set(
          promoAllowed,
          this.inShopVoice(engine, kb, title, GROUP_POST_KINDS[kind], written).then((post) => ({ ...post, kind })),
        );
      }
      return versions.get(promoAllowed)!;
    };
    let stored = 0;
    for (const group of todo) {
      const { kind, ...post } = await version(
        await this.roomForPromotion(merchantId, group.chatId, week.from, week.to),
      );
      if (
        (
          await this.store(
            merchantId,
            kb,
            group.chatId,
            { date, at: WEATHER_POST_AT, kind, topic: 'weather_care', title },
            post,
            now,
          )
        ).drafted
      )
        stored++;
    }
    return stored;
  }

  /** Whether one more promotional post keeps the group's week within the 80/20 rule. */
  private async roomForPromotion(merchantId: MerchantId, chatId: string, from: string, to: string): Promise<boolean> {
    const week = await this.d.posts.kindsBetween(merchantId, chatId, from, to);
    const promos = week.filter((kind) => kind === 'promo').length + 1;
    return promos / (week.length + 1) <= MAX_PROMO_SHARE;
  }

  /** The slots already drafted between two dates, every group's (keys of `slotKey`). */
  private async draftedSlots(merchantId: MerchantId, from: string, to: string): Promise<Set<string>> {
    const rows = await this.d.posts.slotsBetween(merchantId, from, to);
    return new Set(rows.map((r) => slotKey(r.chatId, r)));
  }

  /** Live groups whose layer has posts on its calendar. */
  private layeredGroups(
    merchantId: MerchantId,
    calendars: Partial<Record<GroupLayer, CalendarSlot[]>>,
  ): Promise<GroupChatRecord[]> {
    const layers = (Object.keys(calendars) as GroupLayer[]).filter((l) => calendars[l]?.length);
    return this.d.groups.liveInLayers(merchantId, layers);
  }

  /** A post for the owner once it passes the guardrails; a slot already drafted stays as it is. */
  private async store(
    merchantId: MerchantId,
    kb: KnowledgeBase,
    chatId: string,
    slot: Pick<GroupPost, 'date' | 'at' | 'kind' | 'topic' | 'title'>,
    post: WrittenPost & { namedCustomerIds?: GroupPost['namedCustomerIds'] },
    now: Date,
  ): Promise<{ drafted: boolean; skipped?: string }> {
    const guard = checkReply(post.text, post.citedIds, kb, kb.merchant.industry);
    if (!guard.ok) return { drafted: false, skipped: `没有通过核对：${violationsText(guard)}` };
    const drafted = await this.d.posts.insertDraft(
      merchantId,
      { chatId, date: slot.date, at: slot.at, kind: slot.kind, topic: slot.topic, title: slot.title, ...post },
      GROUP_POST_KINDS[slot.kind],
      now,
    );
    return { drafted };
  }

  /** The LLM's rewrite when it passes the guardrails; the grounded text otherwise (or when it fails). */
  private async inShopVoice(
    engine: AnswerEngine,
    kb: KnowledgeBase,
    title: string,
    kind: string,
    post: WrittenPost,
  ): Promise<WrittenPost> {
    if (!engine.compose) return post;
    try {
      const out = await engine.compose(kb, {
        scenario: `客户群${kind}：${title}`,
        customerName: '群里的朋友们',
        reason: `群日历：${title}`,
        draft: post.text,
        citedIds: post.citedIds,
      });
      const citedIds = out.citedIds.filter((id) => post.citedIds.includes(id));
      return checkReply(out.text, citedIds, kb, kb.merchant.industry).ok ? { text: out.text, citedIds } : post;
    } catch {
      return post;
    }
  }

  /** The owner's review: the posts, and per group how many of its members opted out (they will read it too). */
  async list(
    merchantId: MerchantId,
    status?: GroupPostStatus,
  ): Promise<{ posts: GroupPostRecord[]; optedOutMembers: Map<string, number> }> {
    const posts = await this.d.posts.list(merchantId, status);
    return {
      posts,
      optedOutMembers: await optedOutMembers(this.d, merchantId, [...new Set(posts.map((p) => p.chatId))]),
    };
  }

  /** Approved (as written, or edited and checked again): the group owner's WeCom task. */
  async approve(session: Session, id: string, editedText?: string): Promise<GroupPostRecord> {
    const post = await this.find(session.merchantId, id);
    if (post.status !== 'pending') throw conflict('这条群发已经处理过了');
    const text = editedText?.trim() || post.text;
    const group = await this.d.groups.findByChatId(session.merchantId, post.chatId);
    // consent is read when the week is drafted; a customer the post names may have sent 退订 since
    if (await namesWithdrawnMember(this.d.customers, session.merchantId, { ...post, text }, group?.customerIds ?? [])) {
      await this.d.posts.dropForRedraft(session.merchantId, post._id);
      throw conflict('这条内容提到了已退订的顾客，请重新生成后再发');
    }
    const kb = await this.d.knowledge.get(session.merchantId);
    const guard = checkReply(text, post.citedIds, kb, kb.merchant.industry);
    if (!guard.ok)
      throw new AppError('validation_failed', {
        message: `内容没有通过核对：${violationsText(guard)}，请与店铺资料保持一致`,
      });
    const claimed = await this.d.posts.step(
      session.merchantId,
      post._id,
      'pending',
      { status: 'sent', text },
      { by: session.staffId, action: editedText ? 'edited_and_approved' : 'approved' },
    );
    if (!claimed) throw conflict('这条群发已经处理过了');
    try {
      if (!group?.ownerStaffId) throw new AppError('validation_failed', { message: '群主不是本店员工，无法代发' });
      const task = await this.d.groupSends.createForGroups(session.merchantId, {
        senderStaffId: String(group.ownerStaffId),
        chatIds: [post.chatId],
        text,
      });
      return (await this.d.posts.linkTask(session.merchantId, claimed._id, task._id.toHexString(), {
        by: 'system',
        action: 'group_send_created',
        note: '群主在企业微信确认后发出',
      }))!;
    } catch (err) {
      const message = err instanceof AppError ? err.message : '企业微信暂时不可用';
      return (await this.d.posts.step(
        session.merchantId,
        claimed._id,
        undefined,
        { status: 'failed', error: message },
        { by: 'system', action: 'send_failed', note: message },
      ))!;
    }
  }

  async reject(session: Session, id: string): Promise<GroupPostRecord> {
    const post = await this.find(session.merchantId, id);
    const updated = await this.d.posts.step(
      session.merchantId,
      post._id,
      'pending',
      { status: 'rejected' },
      { by: session.staffId, action: 'rejected' },
    );
    if (!updated) throw conflict('这条群发已经处理过了');
    return updated;
  }

  private async find(merchantId: MerchantId, id: string): Promise<GroupPostRecord> {
    const post = await this.d.posts.findById(merchantId, id);
    if (!post) throw notFound('没有找到这条群发');
    return post;
  }
}
