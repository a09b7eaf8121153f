// What customers and members do in WeChat and WeCom, as the stand-in's callbacks to the product: a customer adds a
// member (scanning a 联系我 code), edits, deletes them, writes to 微信客服 ...
import { deliverEvent, type DeliveryAttempt } from './callback-sender.js';
import { fault } from './errors.js';
import { sessionKey } from './api/kf.js';
import { MEDIA_TTL_MS, WELCOME_CODE_TTL_MS, type StandInState } from './state.js';

export class CustomerSimulator {
  constructor(private state: StandInState) {}

  private deliver(corpId: string, fields: Record<string, string | number | undefined>): Promise<DeliveryAttempt[]> {
    return deliverEvent(this.state, corpId, fields);
  }

  /** A customer adds a member; returns the new external user id and the welcome code WeCom issued. */
  async addsMember(
    corpId: string,
    userid: string,
    customer: { name: string; state?: string; externalUserId?: string; gender?: 0 | 1 | 2; remarkMobiles?: string[] },
  ) {
    const externalUserId = customer.externalUserId ?? this.state.id('wm', 12);
    const contact = this.state.contacts.get(externalUserId) ?? {
      externalUserId,
      name: customer.name,
      avatar: `https://wework.qpic.cn/standin/${externalUserId}/0`,
      gender: customer.gender ?? 0,
      followers: new Map(),
    };
    contact.followers.set(userid, {
      remark: '',
      ...(customer.remarkMobiles ? { remarkMobiles: customer.remarkMobiles } : {}),
      createtime: Math.floor(this.state.now() / 1000),
      tagIds: [],
      state: customer.state,
      addWay: customer.state ? 1 : 0,
    });
    this.state.contacts.set(externalUserId, contact);
    const welcomeCode = this.state.id('wc', 12);
    this.state.welcomeCodes.set(welcomeCode, {
      corpId,
      userid,
      externalUserId,
      expiresAt: this.state.now() + WELCOME_CODE_TTL_MS,
      used: false,
    });
    const deliveries = await this.deliver(corpId, {
      Event: 'change_external_contact',
      ChangeType: 'add_external_contact',
      UserID: userid,
      ExternalUserID: externalUserId,
      State: customer.state,
      WelcomeCode: welcomeCode,
    });
    return { externalUserId, welcomeCode, deliveries };
  }

  /**
   * Contacts the corp had before the product was connected, with the members they follow — no callbacks, as WeCom
   * sends none for history. The demo seeds its customers here so the stand-in knows every external user id.
   */
  knowsContacts(customers: { externalUserId: string; name: string; followers: string[] }[]) {
    const createtime = Math.floor(this.state.now() / 1000);
    for (const customer of customers) {
      const contact = this.state.contacts.get(customer.externalUserId) ?? {
        externalUserId: customer.externalUserId,
        name: customer.name,
        avatar: `https://wework.qpic.cn/standin/${customer.externalUserId}/0`,
        gender: 0 as const,
        followers: new Map(),
      };
      for (const userid of customer.followers) {
        if (!contact.followers.has(userid))
          contact.followers.set(userid, { remark: '', createtime, tagIds: [], addWay: 0 });
      }
      this.state.contacts.set(customer.externalUserId, contact);
    }
  }

  /** A member creates a customer group with these customers (no callback: the product syncs it on demand). */
  createsGroup(
    corpId: string,
    owner: string,
    name: string,
    externalUserIds: string[],
    notice = '',
    chatId = this.state.id('wr', 16),
  ) {
    const now = Math.floor(this.state.now() / 1000);
    this.state.groupChats.set(chatId, {
      corpId,
      chatId,
      name,
      owner,
      notice,
      createTime: now,
      members: [
        { userid: owner, type: 1, joinTime: now, joinScene: 1 },
        ...externalUserIds.map((userid) => ({ userid, type: 2 as const, joinTime: now, joinScene: 3 as const })),
      ],
    });
    return chatId;
  }

  /** A member creates a customer group in the WeCom client: WeCom tells the app. */
  async opensGroup(corpId: string, owner: string, name: string, externalUserIds: string[]) {
    const chatId = this.createsGroup(corpId, owner, name, externalUserIds);
    const deliveries = await this.deliver(corpId, {
      Event: 'change_external_chat',
      ChangeType: 'create',
      ChatId: chatId,
    });
    return { chatId, deliveries };
  }

  /** Customers join a group (through its join code, scene 3) or leave it; WeCom tells the app with the count. */
  async groupMembersChange(corpId: string, chatId: string, change: { joined?: string[]; left?: string[] }) {
    const chat = this.state.groupChats.get(chatId)!;
    const now = Math.floor(this.state.now() / 1000);
    chat.members = chat.members.filter((m) => !change.left?.includes(m.userid));
    chat.members.push(
      ...(change.joined ?? []).map((userid) => ({ userid, type: 2 as const, joinTime: now, joinScene: 3 as const })),
    );
    const detail = change.joined?.length ? 'add_member' : 'del_member';
    const count = (change.joined?.length ?? 0) + (change.left?.length ?? 0);
    return this.deliver(corpId, {
      Event: 'change_external_chat',
      ChangeType: 'update',
      ChatId: chatId,
      UpdateDetail: detail,
      ...(detail === 'add_member' ? { JoinScene: 3 } : { QuitScene: 0 }),
      MemChangeCnt: count,
    });
  }

  /** The owner dismisses the group. */
  async dismissesGroup(corpId: string, chatId: string) {
    this.state.groupChats.delete(chatId);
    return this.deliver(corpId, { Event: 'change_external_chat', ChangeType: 'dismiss', ChatId: chatId });
  }

  async editsProfile(
    corpId: string,
    userid: string,
    externalUserId: string,
    changes: { name?: string; remark?: string; remarkMobiles?: string[] },
  ) {
    const contact = this.state.contacts.get(externalUserId)!;
    if (changes.name) contact.name = changes.name;
    const follow = contact.followers.get(userid);
    if (follow && changes.remark !== undefined) follow.remark = changes.remark;
    if (follow && changes.remarkMobiles) follow.remarkMobiles = changes.remarkMobiles;
    return this.deliver(corpId, {
      Event: 'change_external_contact',
      ChangeType: 'edit_external_contact',
      UserID: userid,
      ExternalUserID: externalUserId,
    });
  }

  /** The customer deletes the member (churn). */
  async deletesMember(corpId: string, userid: string, externalUserId: string) {
    this.state.contacts.get(externalUserId)?.followers.delete(userid);
    return this.deliver(corpId, {
      Event: 'change_external_contact',
      ChangeType: 'del_follow_user',
      UserID: userid,
      ExternalUserID: externalUserId,
    });
  }

  /** The member deletes the customer. */
  async isDeletedByMember(corpId: string, userid: string, externalUserId: string) {
    this.state.contacts.get(externalUserId)?.followers.delete(userid);
    return this.deliver(corpId, {
      Event: 'change_external_contact',
      ChangeType: 'del_external_contact',
      UserID: userid,
      ExternalUserID: externalUserId,
      Source: 'DELETE_BY_USER',
    });
  }

  /** A customer writes to a 微信客服 account: the message is kept for sync_msg and the callback carries only a token. */
  writesToKf(openKfId: string, externalUserId: string, text: string) {
    return this.sendsToKf(openKfId, externalUserId, 'text', { content: text });
  }

  /**
   * A customer sends any kind of message to a 微信客服 account: `body` is what WeCom puts under the msgtype (image,
   * voice, file: {media_id}; location: {latitude, longitude, name, address}; miniprogram: {title, appid, ...}).
   */
  async sendsToKf(openKfId: string, externalUserId: string, msgtype: string, body: Record<string, unknown>) {
    const kf = this.state.kfAccounts.get(openKfId);
    if (!kf) throw fault(95000, 'invalid open_kfid');
    const now = this.state.now();
    const key = sessionKey(openKfId, externalUserId);
    const session = this.state.kfSessions.get(key);
    if (!session || session.state === 4) {
      this.state.kfSessions.set(key, {
        openKfId,
        externalUserId,
        state: this.state.kfReceptionistsOnline.has(openKfId) ? 3 : 0,
        lastCustomerMessageAt: now,
        sentSinceCustomerMessage: 0,
      });
    } else {
      session.lastCustomerMessageAt = now;
      session.sentSinceCustomerMessage = 0;
    }
    const msgid = this.state.id('kfmsg', 10);
    this.state.kfMessages.push({
      msgid,
      openKfId,
      externalUserId,
      sendTime: Math.floor(now / 1000),
      origin: 3,
      msgtype,
      ...(msgtype === 'text' ? { text: body as { content: string } } : { body }),
    });
    const deliveries = await this.notifyKf(kf.corpId, openKfId);
    return { msgid, deliveries };
  }

  /** A file a customer sends (a photo, a voice note): kept for three days under a media_id media/get serves. */
  sendsMedia(corpId: string, type: 'image' | 'voice' | 'file' | 'video', content: Buffer, contentType: string): string {
    const mediaId = this.state.id('2', 24);
    const expiresAt = this.state.now() + MEDIA_TTL_MS;
    this.state.media.set(mediaId, { corpId, type, bytes: content.length, expiresAt, content, contentType });
    return mediaId;
  }

  /** WeCom hands a message over again (an overlapping sync, a retried callback): same msgid, a new notice. */
  async redeliversKf(msgid: string) {
    const message = this.state.kfMessages.find((m) => m.msgid === msgid);
    if (!message) throw fault(95000, 'no such message');
    this.state.kfMessages.push({ ...message });
    return this.notifyKf(this.state.kfAccounts.get(message.openKfId)!.corpId, message.openKfId);
  }

  /** A customer opens the 微信客服 chat (enter_session), with a welcome code valid for 20 s. */
  async entersKf(openKfId: string, externalUserId: string) {
    const kf = this.state.kfAccounts.get(openKfId)!;
    const welcomeCode = this.state.id('kfwc', 10);
    this.state.kfMessages.push({
      msgid: this.state.id('kfevt', 10),
      openKfId,
      externalUserId,
      sendTime: Math.floor(this.state.now() / 1000),
      origin: 4,
      msgtype: 'event',
      event: {
        event_type: 'enter_session',
        open_kfid: openKfId,
        external_userid: externalUserId,
        scene: 'standin',
        welcome_code: welcomeCode,
      },
    });
    return { welcomeCode, deliveries: await this.notifyKf(kf.corpId, openKfId) };
  }

  private notifyKf(corpId: string, openKfId: string) {
    const token = this.state.id('kftoken', 10);
    this.state.kfSyncTokens.set(token, { openKfId, expiresAt: this.state.now() + 10 * 60_000 });
    return this.deliver(corpId, { Event: 'kf_msg_or_event', Token: token, OpenKfId: openKfId });
  }
}
