import { describe, expect, it } from 'vitest';
import type { AssessmentRecord } from '../shop-data/assessment.repository.js';
import { assessmentSentence } from './assessment-lines.js';

const result = (r: Partial<AssessmentRecord> & Pick<AssessmentRecord, 'subject' | 'name' | 'date' | 'score'>) =>
  ({ externalId: r.name, fullMarks: 100, ...r }) as AssessmentRecord;

describe('the month’s test results as the report says them', () => {
  it('says nothing without a test this month, whatever came before', () => {
    expect(
      assessmentSentence([result({ subject: '数学', name: '单元测评', date: '2026-10-20', score: 85 })], '2026-11-01'),
    ).toEqual({ text: '', quoted: [] });
  });

  it('tells a drop, a score held, and two tests of one subject in the month, each against the one before', () => {
    const { text } = assessmentSentence(
      [
        result({ subject: '数学', name: '单元测评', date: '2026-10-20', score: 85.5 }),
        result({ subject: '数学', name: '期中测评', date: '2026-11-05', score: 80 }),
        result({ subject: '数学', name: '第一单元测评', date: '2026-11-25', score: 80 }),
      ],
      '2026-11-01',
    );
    expect(text).toBe(
      '测评成绩：数学期中测评80/100分，比上次单元测评下降5.5分；数学第一单元测评80/100分，与上次期中测评持平。',
    );
  });

  it('states a score as the record holds it, and a small change as a change', () => {
    const { text } = assessmentSentence(
      [
        result({ subject: '英语', name: '单元测评', date: '2026-10-20', score: 80 }),
        result({ subject: '英语', name: '期中测评', date: '2026-11-05', score: 80.04 }),
        result({ subject: '英语', name: '期末模拟', date: '2026-11-25', score: 89.95 }),
      ],
      '2026-11-01',
    );
    expect(text).toBe(
      '测评成绩：英语期中测评80.04/100分，比上次单元测评提高0.04分；英语期末模拟89.95/100分，比上次期中测评提高9.91分。',
    );
  });

  it('gives the previous score itself when the full marks differ, and names the child when a family has two', () => {
    const { text, quoted } = assessmentSentence(
      [
        result({ subject: '数学', name: '单元测评', date: '2026-10-20', score: 90, studentName: '乐乐' }),
        result({
          subject: '数学',
          name: '期中测评',
          date: '2026-11-05',
          score: 130,
          fullMarks: 150,
          studentName: '乐乐',
        }),
        result({
          subject: '数学',
          name: '期中测评',
          date: '2026-11-05',
          score: 95,
          studentName: '贝贝',
          comment: '计算很稳',
        }),
      ],
      '2026-11-01',
    );
    expect(text).toBe(
      '测评成绩：乐乐的数学期中测评130/150分（上次单元测评90/100分）；贝贝的数学期中测评95/100分，老师评语：计算很稳。',
    );
    expect(quoted).toEqual(expect.arrayContaining(['期中测评', '单元测评', '计算很稳']));
  });
});
