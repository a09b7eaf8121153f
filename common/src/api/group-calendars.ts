// Each group layer's weekly calendar (群SOP): read, set, or back to the industry's (managers and owners).
import { z } from 'zod';
import {
  calendarLayerParamsSchema,
  groupCalendarDtoSchema,
  groupCalendarUpdateSchema,
} from '../schemas/group-calendar.js';
import { defineEndpoint } from './contract.js';

export const calendars = defineEndpoint({
  method: 'GET',
  path: '/group-calendars',
  response: z.object({ items: z.array(groupCalendarDtoSchema) }).strict(),
});

/** Same-time slots are refused; the answer shows the promotional share and what the 80/20 rule leaves out. */
export const saveCalendar = defineEndpoint({
  method: 'PUT',
  path: '/group-calendars/:layer',
  params: calendarLayerParamsSchema,
  request: groupCalendarUpdateSchema,
  response: groupCalendarDtoSchema,
});

export const resetCalendar = defineEndpoint({
  method: 'DELETE',
  path: '/group-calendars/:layer',
  params: calendarLayerParamsSchema,
  response: groupCalendarDtoSchema,
});
