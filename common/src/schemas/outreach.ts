import type { DraftStatus } from '../constants/outreach.js';

/** A proactive message waiting for (or past) the owner's approval, as the drafts inbox shows it. */
export interface DraftDto {
  id: string;
  scenario: string;
  scenarioName: string;
  customer: { id: string; name: string };
  text: string;
  reason: string;
  writtenBy: 'llm' | 'template';
  status: DraftStatus;
  error?: string;
  groupSendId?: string;
  audit: { at: string; by: string; action: string; note?: string }[];
  createdAt: string;
}
