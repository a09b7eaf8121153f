// The bot's decision log, one entry per customer message, written through a group commit (db/batched-writes.ts) so
// concurrent conversations share round trips. Each entry is validated and given its defaults as Mongoose would.
import type { Collection } from 'mongodb';
import { BatchedWrites } from '../../db/batched-writes.js';
import type { AiDecision, AiDecisionModel } from './ai-decision.model.js';

export class DecisionLog {
  private writes: BatchedWrites<AiDecision>;

  constructor(private model: AiDecisionModel) {
    this.writes = new BatchedWrites(model.collection as unknown as Collection<AiDecision>);
  }

  async record(entry: AiDecision): Promise<void> {
    const doc = new this.model(entry);
    await doc.validate();
    await this.writes.write({ insertOne: { document: doc.toObject() } });
  }
}
