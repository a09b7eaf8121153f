// The month's test results (阶段测评) as the progress report tells them to a parent: each test's score out of its full
// marks, and the change since the student's previous test of the same subject — in points when both have the same full
// marks, else the previous score itself. Only what the school's records hold; no test, no line.
import type { AssessmentRecord } from '../shop-data/assessment.repository.js';

/** 7 → "7", 89.95 → "89.95", 0.1 + 0.2 → "0.3": the score as the record holds it, without floating-point noise */
const num = (n: number) => String(Number(n.toFixed(2)));
const marks = (a: Pick<AssessmentRecord, 'score' | 'fullMarks'>) => `${num(a.score)}/${num(a.fullMarks)}分`;
const sameTest = (a: AssessmentRecord, b: AssessmentRecord) =>
  a.subject === b.subject && (a.studentName ?? '') === (b.studentName ?? '');

function change(now: AssessmentRecord, before: AssessmentRecord | undefined): string {
  if (!before) return '';
  if (before.fullMarks !== now.fullMarks) return `（上次${before.name}${marks(before)}）`;
  const diff = Number((now.score - before.score).toFixed(2));
  if (diff === 0) return `，与上次${before.name}持平`;
  return `，比上次${before.name}${diff > 0 ? '提高' : '下降'}${num(Math.abs(diff))}分`;
}

/**
 * One family's results, oldest first, from before the month (for the comparison) through its end: the sentence for
 * the month's tests (from `from`, YYYY-MM-DD), and the pieces quoted from the records (names, comments) for the
 * guardrails. Empty when the month had no test.
 */
export function assessmentSentence(results: AssessmentRecord[], from: string): { text: string; quoted: string[] } {
  const month = results.filter((a) => a.date >= from);
  if (!month.length) return { text: '', quoted: [] };
  const students = new Set(month.map((a) => a.studentName ?? ''));
  const parts = month.map((a) => {
    const before = results.slice(0, results.indexOf(a)).findLast((b) => sameTest(a, b));
    const who = students.size > 1 && a.studentName ? `${a.studentName}的` : '';
    const comment = a.comment ? `，${a.teacher ? `${a.teacher}老师` : '老师'}评语：${a.comment}` : '';
    return `${who}${a.subject}${a.name}${marks(a)}${change(a, before)}${comment}`;
  });
  return {
    text: `测评成绩：${parts.join('；')}。`,
    quoted: month.flatMap((a) => [a.name, a.comment ?? '']).concat(results.map((b) => b.name)),
  };
}
