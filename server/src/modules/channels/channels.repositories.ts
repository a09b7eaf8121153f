import type { Database } from '../../db/database.js';
import { channelAddModel } from './channel-add.model.js';
import { ChannelAddRepository } from './channel-add.repository.js';
import { channelCodeModel } from './channel-code.model.js';
import { ChannelCodeRepository } from './channel-code.repository.js';

/** The channels module's repositories, opened on the process's database. */
export const openChannelsRepositories = (db: Database) => ({
  channelCodes: new ChannelCodeRepository(channelCodeModel(db)),
  channelAdds: new ChannelAddRepository(channelAddModel(db)),
});
