// Every fixed line the groups may hear — each industry's calendar texts and weather care — passes the same guardrails
// the drafts go through (an absolute like 最好 is banned advertising language and would silently drop the post).
import { CALENDAR_TOPICS, TOPIC_KIND, type CalendarTopic } from '@xiaoer/common/constants/groups';
import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import { describe, expect, it } from 'vitest';
import { milkTeaKnowledge } from '../../../test/support/knowledge-fixture.js';
import { checkReply } from '../ai/guardrails.js';
import { GROUP_CARE } from '../weather/weather-signals.js';
import { writePost } from './group-post-writer.js';

const kb = milkTeaKnowledge();
const attendance = { classes: 6, present: 5, fullAttendance: ['小明'] };
const birthday = [{ name: '阿花', remark: '' }] as never;

describe('the groups’ fixed texts', () => {
  it.each(INDUSTRIES)('pass the guardrails for %s', (industry) => {
    const shop = { ...kb, merchant: { ...kb.merchant, industry } };
    for (const topic of Object.keys(CALENDAR_TOPICS) as CalendarTopic[]) {
      const post = writePost({ weekday: 1, at: '10:00', kind: TOPIC_KIND[topic], topic, title: CALENDAR_TOPICS[topic] }, shop, birthday, attendance);
      expect(post, topic).not.toBeNull();
      const guard = checkReply(post!.text, post!.citedIds, shop, industry);
      expect(guard.violations, `${topic}: ${post!.text}`).toEqual([]);
    }
    for (const [signal, text] of Object.entries(GROUP_CARE[industry])) expect(checkReply(text, [], shop, industry).violations, signal).toEqual([]);
  });
});
