import { randomBytes } from 'node:crypto';
import type { SourceChannel } from '@xiaoer/common/constants/customer';
import type { ChannelAddsDto } from '@xiaoer/common/schemas/channel';
import { AppError, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { WecomClient } from '../wecom/api/wecom-client.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { channelFromState } from '../customers/contacts/welcome-message.js';
import type { ChannelAddRepository } from './channel-add.repository.js';
import type { ChannelCodeRecord, ChannelCodeRepository } from './channel-code.repository.js';
import { lastWeeks, weekOf } from './channel-weeks.js';

export class ChannelCodeService {
  constructor(
    private codes: ChannelCodeRepository,
    private apps: WecomAppRepository,
    private staff: StaffRepository,
    private client: WecomClient,
    private adds: ChannelAddRepository,
  ) {}

  /** Makes a 联系我 QR code whose adds are attributed to this channel; several staff share it in turn. */
  async create(
    merchantId: MerchantId,
    input: { channel: SourceChannel; label: string; staffIds: string[] },
  ): Promise<ChannelCodeRecord> {
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('请先接入企业微信');
    const members = await Promise.all(input.staffIds.map((id) => this.staff.findById(merchantId, id)));
    if (members.some((m) => !m)) throw new AppError('validation_failed', { message: '有员工不存在或已停用' });
    const state = `${input.channel}:${randomBytes(4).toString('hex')}`;
    const res = await this.client.post(app, '/cgi-bin/externalcontact/add_contact_way', {
      type: members.length > 1 ? 2 : 1,
      scene: 2,
      state,
      skip_verify: true,
      remark: input.label,
      user: members.map((m) => m!.wecomUserId),
    });
    return this.codes.insert(merchantId, {
      channel: input.channel,
      label: input.label,
      state,
      configId: String(res.config_id),
      qrCode: String(res.qr_code),
      staffIds: members.map((m) => m!._id),
    });
  }

  list(merchantId: MerchantId): Promise<ChannelCodeRecord[]> {
    return this.codes.list(merchantId);
  }

  /**
   * Counts an add; called once per add_external_contact event (the inbox's once() guards retries). The add is kept
   * per customer and code for the weekly chart; the code's total counts only a customer new to it.
   */
  async countAdd(merchantId: MerchantId, state: string | undefined, externalUserId: string, at = new Date()) {
    if (!state) return;
    const fresh = await this.adds.record(merchantId, {
      state,
      channel: channelFromState(state),
      externalUserId,
      week: weekOf(at),
      addedAt: at,
    });
    if (fresh) await this.codes.countAdd(merchantId, state);
  }

  /** Adds per week over the last `weeks` weeks: per channel (any state naming it) and per code of the shop. */
  async weeklyAdds(merchantId: MerchantId, weeks: number, now = new Date()): Promise<ChannelAddsDto> {
    const days = lastWeeks(weeks, now);
    const [rows, codes] = await Promise.all([this.adds.weekly(merchantId, days[0]!), this.codes.list(merchantId)]);
    const zeros = () => days.map(() => 0);
    const byChannel = new Map<SourceChannel, number[]>();
    const byState = new Map<string, number[]>();
    for (const r of rows) {
      const i = days.indexOf(r.week);
      if (i < 0) continue;
      const channel = byChannel.get(r.channel) ?? zeros();
      channel[i]! += r.n;
      byChannel.set(r.channel, channel);
      const state = byState.get(r.state) ?? zeros();
      state[i]! += r.n;
      byState.set(r.state, state);
    }
    return {
      weeks: days,
      channels: [...byChannel].map(([channel, counts]) => ({ channel, counts })),
      codes: codes.map((c) => ({ id: c._id.toHexString(), counts: byState.get(c.state) ?? zeros() })),
    };
  }
}
