// The outcomes of the groups' interaction posts: a customer who writes "接龙+…", "预留+…" or "预约+…" to 微信客服, or
// whose reply in the group a staff member records, is counted against the latest post inviting it in a group they
// belong to. And each
// group's report: posts sent and confirmed, members joined and left, sign-ups, bookings and guesses.
import { randomUUID } from 'node:crypto';
import type { CalendarTopic, GroupPostTopic } from '@xiaoer/common/constants/groups';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { AppError, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MessageRecord } from '../conversations/kf.repository.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { GroupPostText } from '../templates/industry-template.js';
import { INDUSTRY_KNOWLEDGE } from '../templates/templates.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { PostOutcome, GroupPostRepository } from './group-post.repository.js';
import type { GroupChatRecord, GroupChatRepository } from './group.repository.js';
import type {
  GroupInteractionRecord,
  GroupInteractionRepository,
  NewGroupInteraction,
} from './interaction.repository.js';
import { parseInteraction, type InteractionKind, type ParsedInteraction } from './interaction-parser.js';

/** The post each kind of reply is named for; the industry's other posts inviting it are found in its template. */
const TOPIC: Record<InteractionKind, GroupPostTopic> = {
  chain: 'chain_signup',
  booking: 'booking_slots',
  guess: 'flavour_guess',
};
const INVITED = /「([^」]+)」/g;

/**
 * The topics whose posts invite this kind of reply in the industry: its own topic, and those whose template text asks
 * for it in a format the parser reads (a shop's new-item post invites 「预留+商品+尺码」, a salon's pick 「预约+…」).
 */
export function invitingTopics(industry: Industry, kind: InteractionKind): GroupPostTopic[] {
  const posts = Object.entries(INDUSTRY_KNOWLEDGE[industry].groupPosts) as [CalendarTopic, GroupPostText][];
  const inviting = posts
    .filter(([, post]) =>
      [...post.text.matchAll(INVITED)].some(([, format]) => parseInteraction(format!)?.kind === kind),
    )
    .map(([topic]) => topic);
  return [...new Set<GroupPostTopic>([TOPIC[kind], ...inviting])];
}
const WEEK_MS = 7 * 86_400_000;

/** A group's figures since a date (presentGroupReport puts them on the wire). */
export interface GroupReport {
  group: GroupChatRecord;
  posts: { drafted: number; sent: number; confirmedByStaff: number };
  interactions: Record<InteractionKind, number>;
  /** orders containing a featured item within 3 days of a sent post; revenue in fen */
  attributedOrders: { orders: number; revenue: number };
  bookings: GroupInteractionRecord[];
}
const ATTRIBUTION_MS = 3 * 86_400_000;

export class GroupInteractionService {
  constructor(
    private d: {
      interactions: GroupInteractionRepository;
      posts: GroupPostRepository;
      groups: GroupChatRepository;
      groupSends: Pick<GroupSendService, 'confirmedAmong'>;
      customers: CustomerRepository;
      orders: Pick<OrderRepository, 'ofCustomersSince'>;
      knowledge: Pick<KnowledgeBaseService, 'get'>;
    },
  ) {}

  /** Subscribed to 微信客服 messages: an interaction reply is counted, anything else is not ours. */
  async fromKf(app: WecomCredentials, message: MessageRecord): Promise<void> {
    const parsed = message.direction === 'in' && message.text ? parseInteraction(message.text) : null;
    if (!parsed) return;
    const customer = await this.d.customers.findByExternalUserId(app.merchantId, message.externalUserId);
    const chatIds = customer ? await this.d.groups.liveChatIdsOf(app.merchantId, customer._id) : [];
    const post = chatIds.length
      ? await this.d.posts.latestSent(
          app.merchantId,
          chatIds,
          invitingTopics((await this.d.knowledge.get(app.merchantId)).merchant.industry, parsed.kind),
          new Date(message.sentAt.getTime() - WEEK_MS),
        )
      : null;
    await this.store(app.merchantId, `kf:${message._id}`, parsed, message.sentAt, {
      ...(customer ? { customerId: customer._id, customerName: customer.remark || customer.name } : {}),
      ...(post ? { postId: post._id, chatId: post.chatId } : chatIds[0] ? { chatId: chatIds[0] } : {}),
    });
  }

  /** A reply a staff member saw in the group and records against the post. */
  async record(session: Session, postId: string, input: { text: string; customerName?: string }) {
    const post = await this.d.posts.findById(session.merchantId, postId);
    if (!post) throw notFound('没有找到这条群发');
    const parsed = parseInteraction(input.text);
    if (!parsed)
      throw new AppError('validation_failed', {
        message: '这条回复看起来不是接龙、预约或竞猜，格式如「接龙+杨枝甘露+2」「预留+风衣+M」「预约+周六+15:00」',
      });
    await this.store(session.merchantId, `staff:${randomUUID()}`, parsed, new Date(), {
      postId: post._id,
      chatId: post.chatId,
      ...(input.customerName ? { customerName: input.customerName } : {}),
    });
    return parsed;
  }

  /** A group's figures since a date: posts, members, interactions. */
  async report(merchantId: MerchantId, chatId: string, since: Date): Promise<GroupReport> {
    const group = await this.d.groups.findByChatId(merchantId, chatId);
    if (!group) throw notFound('没有找到这个客户群');
    const [posts, interactions] = await Promise.all([
      this.d.posts.outcomesSince(merchantId, chatId, since),
      this.d.interactions.ofGroupSince(merchantId, chatId, since),
    ]);
    const confirmed = await this.d.groupSends.confirmedAmong(
      merchantId,
      posts.flatMap((p) => (p.groupSendId ? [p.groupSendId] : [])),
    );
    const count = (kind: InteractionKind) => interactions.filter((i) => i.kind === kind).length;
    return {
      group,
      posts: {
        drafted: posts.length,
        sent: posts.filter((p) => p.status === 'sent').length,
        confirmedByStaff: confirmed,
      },
      interactions: { chain: count('chain'), booking: count('booking'), guess: count('guess') },
      attributedOrders: await this.attributedOrders(merchantId, group.customerIds, posts),
      bookings: interactions.filter((i) => i.kind === 'booking'),
    };
  }

  /**
   * Orders the group's customers placed within 3 days of a sent post that featured an item, containing that item:
   * what the posts brought in (a conservative attribution — the item named, the members reached, a short window).
   */
  private async attributedOrders(merchantId: MerchantId, customerIds: Types.ObjectId[], posts: PostOutcome[]) {
    const kb = await this.d.knowledge.get(merchantId);
    const featured = posts.flatMap((p) => {
      const names = p.citedIds.flatMap((id) => {
        const passage = kb.byId.get(id);
        return passage?.kind === 'product' ? [passage.product.name] : [];
      });
      return p.status === 'sent' && names.length
        ? [{ names, from: p.updatedAt, to: new Date(p.updatedAt.getTime() + ATTRIBUTION_MS) }]
        : [];
    });
    if (!featured.length || !customerIds.length) return { orders: 0, revenue: 0 };
    const orders = await this.d.orders.ofCustomersSince(
      merchantId,
      customerIds,
      featured.reduce((a, f) => (f.from < a ? f.from : a), featured[0]!.from),
      { paidOnly: true },
    );
    const counted = orders.filter((o) =>
      featured.some((f) => o.placedAt >= f.from && o.placedAt <= f.to && o.items.some((i) => f.names.includes(i.name))),
    );
    return { orders: counted.length, revenue: counted.reduce((s, o) => s + o.amount, 0) };
  }

  private async store(
    merchantId: MerchantId,
    source: string,
    parsed: ParsedInteraction,
    at: Date,
    link: Pick<NewGroupInteraction, 'chatId' | 'postId' | 'customerId' | 'customerName'>,
  ): Promise<void> {
    await this.d.interactions.insertOnce(merchantId, {
      source,
      kind: parsed.kind,
      detail: parsed.detail,
      ...(parsed.day ? { day: parsed.day } : {}),
      ...(parsed.time ? { time: parsed.time } : {}),
      at,
      ...link,
    });
  }
}
