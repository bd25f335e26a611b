import dayjs from 'dayjs';

const EMPTY = '—';

/** Server timestamps are ISO 8601 in UTC; the console shows them in the browser's time zone. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : EMPTY;

export const formatDate = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD') : EMPTY;

/** Effective dates and `asOf` travel as calendar dates, not instants. */
export const toIsoDate = (value: dayjs.Dayjs): string => value.format('YYYY-MM-DD');
