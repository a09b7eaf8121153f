import type { Database } from '../../db/database.js';
import { channelCodeModel } from './channel-code.model.js';
import { ChannelCodeRepository } from './channel-code.repository.js';

/** The channels module's repositories, opened on the process's database. */
export const openChannelsRepositories = (db: Database) => ({
  channelCodes: new ChannelCodeRepository(channelCodeModel(db)),
});
