// A week as the console shows it: Monday first, 周一 … 周日. Stored weekday numbers stay as the server keeps them
// (0 = Sunday, JavaScript's getDay), so only the order on screen changes.

/** A weekday's name by its stored number (0 = Sunday). */
export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Stored weekday numbers in the order a week is shown: Monday first. */
export const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];
/** The names in the order shown (a picker's range): index i is weekday MONDAY_FIRST[i]. */
export const WEEKDAY_NAMES_MONDAY_FIRST = MONDAY_FIRST.map((d) => WEEKDAYS[d]!);

/** Where a stored weekday sits in a Monday-first week (Monday 0 … Sunday 6). */
export const mondayFirstIndex = (weekday: number) => (weekday + 6) % 7;

/** Sorts by weekday, Monday first; ties keep their order (`at` sorts within a day when given). */
export const byMondayFirst = <T extends { weekday: number; at?: string }>(a: T, b: T) =>
  mondayFirstIndex(a.weekday) - mondayFirstIndex(b.weekday) || (a.at ?? '').localeCompare(b.at ?? '');

/** The weekdays (by name, Monday first) that none of these spans opens on. */
export const closedWeekdays = (spans: { weekday: number }[]) =>
  MONDAY_FIRST.filter((d) => !spans.some((s) => s.weekday === d)).map((d) => WEEKDAYS[d]!);
