import type { Database } from '../../db/database.js';
import { campaignModel } from './campaign.model.js';
import { CampaignRepository } from './campaign.repository.js';
import { groupSendModel } from './group-send.model.js';
import { GroupSendRepository } from './group-send.repository.js';

/** The campaigns module's repositories, opened on the process's database. */
export const openCampaignsRepositories = (db: Database) => ({
  groupSends: new GroupSendRepository(groupSendModel(db)),
  campaigns: new CampaignRepository(campaignModel(db)),
});
