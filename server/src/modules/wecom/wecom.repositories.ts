import type { SecretBox } from '../../crypto/secret-box.js';
import type { Database } from '../../db/database.js';
import { inboxModel } from './inbox/inbox.model.js';
import { InboxRepository } from './inbox/inbox.repository.js';
import { wecomAppModel } from './wecom-app.model.js';
import { WecomAppRepository } from './wecom-app.repository.js';

/** The WeCom integration's repositories, opened on the process's database; app secrets are sealed with `secrets`. */
export const openWecomRepositories = (db: Database, secrets: SecretBox) => ({
  apps: new WecomAppRepository(wecomAppModel(db), secrets),
  inbox: new InboxRepository(inboxModel(db)),
});
