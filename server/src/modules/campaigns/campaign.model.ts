import { Schema, type Connection, type Types } from 'mongoose';
import {
  CAMPAIGN_STATUSES,
  type CampaignAttachment,
  type CampaignAudience,
  type CampaignResults,
  type CampaignStatus,
} from '@xiaoer/common/schemas/campaign';

/**
 * A campaign (群发) to an audience: what the owner asked for, and — once it went — its WeCom tasks (one per following
 * staff member) and how it went. Scheduled ones wait for their time (CampaignSchedule); the results are read back
 * from WeCom and the shop's records by the results job.
 */
export interface Campaign {
  merchantId: Types.ObjectId;
  /** the console's idempotency key: a retried request finds this campaign */
  key: string;
  audience: CampaignAudience;
  text: string;
  /** a picture or a mini-program card with the text (uploaded to WeCom as media when it goes) */
  attachment?: CampaignAttachment;
  status: CampaignStatus;
  /** when a scheduled campaign goes (after quiet hours end, if it was asked for inside them) */
  sendAt?: Date;
  /** a worker took it up to send (another may take over once this is stale: the send is idempotent by key) */
  claimedAt?: Date;
  sentAt?: Date;
  cancelledAt?: Date;
  /** failed sends of a scheduled campaign so far: it is retried a few times, then ends `failed` */
  attempts?: number;
  /** why it ended `failed`, in the owner's words */
  failedReason?: string;
  /** the tasks made, as the send last found them (group_sends, keyed `campaign-<key>-…`) */
  taskIds: Types.ObjectId[];
  /** who it was made for: the results are matched against the shop's orders and messages by these */
  recipients: { customerId: Types.ObjectId; externalUserId: string }[];
  /** the reckoning when it went (or was scheduled): who was left out and why */
  excluded: { reason: string; count: number; sample: string[] }[];
  results?: Omit<CampaignResults, 'checkedAt'> & { checkedAt?: Date };
  createdAt: Date;
}

const campaignSchema = new Schema<Campaign>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    audience: { type: Schema.Types.Mixed, default: {} },
    text: { type: String, required: true },
    attachment: { type: Schema.Types.Mixed },
    status: { type: String, enum: CAMPAIGN_STATUSES, required: true },
    sendAt: Date,
    claimedAt: Date,
    sentAt: Date,
    cancelledAt: Date,
    attempts: Number,
    failedReason: String,
    taskIds: { type: [Schema.Types.ObjectId], default: [] },
    recipients: {
      type: [new Schema({ customerId: Schema.Types.ObjectId, externalUserId: String }, { _id: false })],
      default: [],
    },
    excluded: { type: Schema.Types.Mixed, default: [] },
    results: { type: Schema.Types.Mixed },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);

// One campaign per console key.
campaignSchema.index({ merchantId: 1, key: 1 }, { unique: true });
// The list, newest first; the schedule and results jobs read by status.
campaignSchema.index({ merchantId: 1, createdAt: -1 });
campaignSchema.index({ merchantId: 1, status: 1, sendAt: 1 });

export const campaignModel = (conn: Connection) => conn.model<Campaign>('Campaign', campaignSchema, 'campaigns');
export type CampaignModel = ReturnType<typeof campaignModel>;
