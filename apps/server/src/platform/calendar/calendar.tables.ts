export interface CalendarDayTable {
  /** 'YYYY-MM-DD' (the date type parser keeps dates as text). */
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  /** The notice the day comes from, or who entered it by hand. */
  source: string;
}

export interface CalendarTables {
  calendar_day: CalendarDayTable;
}
