// 联系我 channel codes: a QR code per channel, its new contacts counted and welcomed.
import type { RoutesOf } from '../../http/module-routes.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import type { ChannelAddRepository } from './channel-add.repository.js';
import type { ChannelCodeRepository } from './channel-code.repository.js';
import { channelCodeRoutes } from './channel-code.routes.js';
import { ChannelCodeService } from './channel-code.service.js';

export interface ChannelsModuleDeps {
  channelCodes: ChannelCodeRepository;
  channelAdds: ChannelAddRepository;
  staff: StaffRepository;
  wecom: Pick<Wecom, 'apps' | 'client'>;
}

export function build(d: ChannelsModuleDeps) {
  const service = new ChannelCodeService(d.channelCodes, d.wecom.apps, d.staff, d.wecom.client, d.channelAdds);
  const routes: RoutesOf = () => ({ api: [channelCodeRoutes(service)] });
  return { service, routes };
}
