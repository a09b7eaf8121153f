import type { ChannelCodeDto } from '@xiaoer/common/schemas/channel';
import type { ChannelCodeRecord } from './channel-code.repository.js';

/** A 联系我 code as the console lists it: its QR image and adds counted; no WeCom config id or tenant. */
export const presentChannelCode = (c: ChannelCodeRecord): ChannelCodeDto => ({
  id: c._id.toHexString(),
  channel: c.channel,
  label: c.label,
  state: c.state,
  qrCode: c.qrCode,
  staffIds: c.staffIds.map(String),
  adds: c.adds,
  createdAt: c.createdAt.toISOString(),
});
