import { Schema, type Connection, type Types } from 'mongoose';

export interface Script {
  merchantId: Types.ObjectId;
  category: string;
  title: string;
  content: string;
  attachment?: { kind: 'image' | 'link' | 'miniprogram'; url?: string; title?: string; appid?: string; page?: string };
  usageCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const scriptSchema = new Schema<Script>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    category: { type: String, required: true, maxlength: 20 },
    title: { type: String, required: true, maxlength: 40 },
    content: { type: String, required: true, maxlength: 1000 },
    attachment: {
      type: new Schema({ kind: String, url: String, title: String, appid: String, page: String }, { _id: false }),
    },
    usageCount: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// The scripts library by category, most used first.
scriptSchema.index({ merchantId: 1, category: 1, usageCount: -1 });

export const scriptModel = (conn: Connection) => conn.model<Script>('Script', scriptSchema, 'scripts');
export type ScriptModel = ReturnType<typeof scriptModel>;
