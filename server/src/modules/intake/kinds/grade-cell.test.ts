import { describe, expect, it } from 'vitest';
import { gradeCell, gradeName } from './grade-cell.js';

describe('school grades in sheets', () => {
  it('reads grades as sheets write them', () => {
    expect(['三年级', '小学六年级', '初一', '初中3年级', '高二', '幼儿园大班', '5', ''].map(gradeCell)).toEqual([
      3,
      6,
      7,
      9,
      11,
      0,
      5,
      undefined,
    ]);
  });

  it('leaves what is no grade for validation to name', () => {
    expect(gradeCell('初五')).toBe('初五');
    expect(gradeCell('大一')).toBe('大一');
  });

  it('names grades as parents say them', () => {
    expect([0, 1, 6, 7, 9, 10, 12].map(gradeName)).toEqual([
      '学前',
      '一年级',
      '六年级',
      '初一',
      '初三',
      '高一',
      '高三',
    ]);
  });
});
