import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Operator, OperatorModel } from './operator.model.js';

export type OperatorRecord = Operator & { _id: Types.ObjectId };

/**
 * The platform's operators (`operators`), the collection's one writer. Platform-level, not per merchant: no
 * tenant scope, and nothing here reads or writes any merchant's data.
 */
export class PlatformOperatorRepository {
  constructor(private model: OperatorModel) {}

  findByLogin(login: string): Promise<OperatorRecord | null> {
    return this.model.findOne({ login, active: true }).lean<OperatorRecord>().exec();
  }

  /** An active operator by id (a malformed id is no operator). */
  findById(id: string): Promise<OperatorRecord | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.model
      .findOne({ _id: new Types.ObjectId(id), active: true })
      .lean<OperatorRecord>()
      .exec();
  }

  /** A new operator; null when the login is taken. */
  async create(operator: Pick<Operator, 'login' | 'name' | 'passwordHash'>): Promise<OperatorRecord | null> {
    try {
      return (await this.model.create(operator)).toObject() as OperatorRecord;
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }
}
