import { Schema, type Connection, type Types } from 'mongoose';

/**
 * A merchant's WeCom app (self-built or agency-developed): the corp, the app's AgentId, and the secrets WeCom issued,
 * each sealed with MASTER_KEY (SecretBox) — never stored or logged in the clear.
 */
export const WECOM_APP_MODES = ['self_built', 'agency'] as const;
export type WecomAppMode = (typeof WECOM_APP_MODES)[number];

export interface WecomApp {
  merchantId: Types.ObjectId;
  /**
   * self_built: the owner typed the corp ID, AgentId and Secret (way 1); agency: the admin authorised the operator's
   * 代开发 template (way 2) and the Secret is the permanent code WeCom issued for it
   */
  mode: WecomAppMode;
  /** the corp's name as WeCom reported it when authorising (way 2) */
  corpName?: string;
  /** the authorisation was cancelled (cancel_auth): nothing is sent or synced for the merchant; data is kept */
  disabledAt?: Date;
  corpId: string;
  agentId: number;
  secretSealed: string;
  callbackTokenSealed: string;
  encodingAesKeySealed: string;
  /** the 微信客服 accounts this app serves (open_kfid) */
  kfAccounts: { openKfId: string; name: string }[];
  /** welcome message templates by source channel ('default' for the rest); {客户称呼} is filled with the name */
  welcomeTemplates: { channel: string; text: string }[];
  /** the last time WeCom itself verified the callback URL with the current Token (the admin saved 接收消息) */
  callbackVerifiedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const wecomAppSchema = new Schema<WecomApp>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    mode: { type: String, enum: WECOM_APP_MODES, required: true, default: 'self_built' },
    corpName: String,
    disabledAt: Date,
    corpId: { type: String, required: true, trim: true },
    agentId: { type: Number, required: true },
    secretSealed: { type: String, required: true },
    callbackTokenSealed: { type: String, required: true },
    encodingAesKeySealed: { type: String, required: true },
    kfAccounts: { type: [new Schema({ openKfId: String, name: String }, { _id: false })], default: [] },
    welcomeTemplates: { type: [new Schema({ channel: String, text: String }, { _id: false })], default: [] },
    callbackVerifiedAt: Date,
  },
  { timestamps: true },
);

// Callback routing /wecom/callback/:corpId → the app and its merchant; one corp belongs to one merchant.
wecomAppSchema.index({ corpId: 1 }, { unique: true });
// A merchant's own app (configuration pages, outgoing calls).
wecomAppSchema.index({ merchantId: 1 }, { unique: true });
// kf_msg_or_event carries only the open_kfid: find its app.
wecomAppSchema.index({ 'kfAccounts.openKfId': 1 });

export const wecomAppModel = (conn: Connection) => conn.model<WecomApp>('WecomApp', wecomAppSchema, 'wecom_apps');
export type WecomAppModel = ReturnType<typeof wecomAppModel>;
