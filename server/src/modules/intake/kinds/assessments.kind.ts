// A tutoring centre's test results (阶段测评), as its school system (校宝, 校管家 …) exports them: named to the family
// as its classes and homework are (the customer, else the student's course package), for the month's progress report.
import { assessmentSchema } from '@xiaoer/common/schemas/shop-data';
import type { ShopDataRepositories } from '../../shop-data/shop-data.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, dateCell, defined, numberCell } from '../sheet-cells.js';
import { refused, SHOP_HEADERS, shopOf } from './restaurant.kind.js';
import { familyOf, PACKAGE_HEADERS, STUDENT_HEADERS } from './schedule.kind.js';

export const assessmentsKind = (d: Pick<ShopDataRepositories, 'assessments' | 'packages'>) =>
  defineKind({
    name: 'assessments',
    schema: assessmentSchema,
    async store(ctx, { shopId: ref, ...a }) {
      const shop = await shopOf(ctx, ref);
      if (refused(shop)) return shop;
      // a result of a family we cannot name is kept for when we can: never told to anyone else
      const { fields, unmatched } = await familyOf(ctx, d.packages, a);
      const { customerRef: _ref, ...stored } = fields;
      return { ...(await d.assessments.store(ctx.merchantId, { ...stored, ...shop }, ctx.dryRun)), unmatched };
    },
    sheet: {
      headers: {
        测评编号: 'externalId',
        成绩编号: 'externalId',
        编号: 'externalId',
        科目: 'subject',
        课程: 'subject',
        测评名称: 'name',
        测评: 'name',
        考试名称: 'name',
        测评日期: 'date',
        考试日期: 'date',
        日期: 'date',
        成绩: 'score',
        得分: 'score',
        分数: 'score',
        满分: 'fullMarks',
        老师评语: 'comment',
        评语: 'comment',
        老师: 'teacher',
        ...STUDENT_HEADERS,
        ...PACKAGE_HEADERS,
        ...CUSTOMER_HEADERS,
        ...SHOP_HEADERS,
      },
      required: { field: 'externalId', name: '测评编号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          subject: raw.subject ?? '',
          name: raw.name ?? '',
          date: dateCell(raw.date),
          score: numberCell(raw.score),
          fullMarks: numberCell(raw.fullMarks),
          comment: raw.comment,
          teacher: raw.teacher,
          studentName: raw.studentName,
          packageId: raw.packageId,
          shopId: raw.shopId,
          ...customerFromRow(raw),
        }),
    },
  });
