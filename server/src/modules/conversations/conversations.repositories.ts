import type { Database } from '../../db/database.js';
import { kfMediaModel } from './kf-media.model.js';
import { KfMediaRepository } from './kf-media.repository.js';
import { kfCursorModel, kfSessionModel } from './kf-session.model.js';
import { KfRepository } from './kf.repository.js';
import { messageModel } from './message.model.js';

/** The 微信客服 conversations' repositories, opened on the process's database. */
export const openConversationsRepositories = (db: Database) => ({
  kf: new KfRepository(kfSessionModel(db), messageModel(db), kfCursorModel(db)),
  media: new KfMediaRepository(kfMediaModel(db)),
});
