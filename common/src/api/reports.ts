// The owner's reports: chart data for a day, a week or a month.
import { reportDtoSchema, reportQuerySchema } from '../schemas/report.js';
import { defineEndpoint } from './contract.js';

/** ?period=day|week|month&date=YYYY-MM-DD (default: the last complete period); managers and owners. */
export const report = defineEndpoint({
  method: 'GET',
  path: '/reports',
  request: reportQuerySchema,
  response: reportDtoSchema,
});
