import type { Part } from '../http/platform.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { calendarMigrations } from './migrations/index.ts';

export const calendarPart: Part = {
  name: 'calendar',
  migrations: calendarMigrations,
  routes: calendarRoutes,
};

export { loadWorkingCalendar, seedCalendar } from './calendar.service.ts';
export {
  beijingDateOf,
  beijingMidnight,
  type CivilDate,
  type SpecialDay,
  WorkingCalendar,
} from './working-calendar.ts';
