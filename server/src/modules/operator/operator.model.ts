import { Schema, type Connection } from 'mongoose';

/** A person of the provider who runs Xiaoer: platform-level, belongs to no merchant. */
export interface Operator {
  login: string;
  name: string;
  /** scrypt with a per-user salt (password.ts); never leaves the server */
  passwordHash: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const operatorSchema = new Schema<Operator>(
  {
    login: { type: String, required: true, trim: true, lowercase: true, maxlength: 32 },
    name: { type: String, required: true, trim: true, maxlength: 50 },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

// Sign-in finds an operator by login; unique so two operators can never share one.
operatorSchema.index({ login: 1 }, { unique: true });

export const operatorModel = (conn: Connection) => conn.model<Operator>('Operator', operatorSchema, 'operators');
export type OperatorModel = ReturnType<typeof operatorModel>;
