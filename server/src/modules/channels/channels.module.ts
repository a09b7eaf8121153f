// 联系我 channel codes: a QR code per channel, its new contacts counted and welcomed.
import type { RoutesOf } from '../../http/module-routes.js';
import { channelCodeRoutes } from './channel-code.routes.js';
import type { ChannelCodeService } from './channel-code.service.js';

export function build(d: { channelCodes: ChannelCodeService }) {
  const routes: RoutesOf = () => ({ api: [channelCodeRoutes(d.channelCodes)] });
  return { routes };
}
