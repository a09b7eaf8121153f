import type { Database } from '../../db/database.js';
import { groupEntryModel } from './group-entry.model.js';
import { GroupEntryRepository } from './group-entry.repository.js';
import { groupPostModel } from './group-post.model.js';
import { GroupPostRepository } from './group-post.repository.js';
import { groupChatModel } from './group.model.js';
import { GroupChatRepository } from './group.repository.js';
import { groupInteractionModel } from './interaction.model.js';
import { GroupInteractionRepository } from './interaction.repository.js';

/** The groups module's repositories, opened on the process's database. */
export const openGroupsRepositories = (db: Database) => ({
  groupChats: new GroupChatRepository(groupChatModel(db)),
  groupPosts: new GroupPostRepository(groupPostModel(db)),
  groupInteractions: new GroupInteractionRepository(groupInteractionModel(db)),
  groupEntries: new GroupEntryRepository(groupEntryModel(db)),
});
