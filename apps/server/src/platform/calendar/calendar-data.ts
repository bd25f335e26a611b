import { readdir, readFile } from 'node:fs/promises';
import type { SpecialDay } from './working-calendar.ts';

/** One year's State Council notice, as shipped in `data/<year>.json`. */
export interface YearNotice {
  readonly year: number;
  /** Title and document number of the notice (国办发明电〔…〕…号). */
  readonly source: string;
  readonly days: readonly SpecialDay[];
}

const DATA_DIR = new URL('./data/', import.meta.url);

interface NoticeFile {
  year: number;
  source: string;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

function parseNotice(file: string, raw: unknown): YearNotice {
  const f = raw as NoticeFile;
  const ok =
    typeof f === 'object' &&
    f !== null &&
    Number.isInteger(f.year) &&
    typeof f.source === 'string' &&
    Array.isArray(f.holidays) &&
    Array.isArray(f.workdays);
  if (!ok) throw new Error(`calendar data ${file}: expected { year, source, holidays, workdays }`);
  const days: SpecialDay[] = [
    ...f.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name })),
    ...f.workdays.map((d) => ({ date: d.date, kind: 'workday' as const, name: d.name })),
  ];
  const stray = days.find((d) => !d.date?.startsWith(`${f.year}-`) || typeof d.name !== 'string');
  if (stray) throw new Error(`calendar data ${file}: ${JSON.stringify(stray)} is not a day of ${f.year}`);
  return { year: f.year, source: f.source, days };
}

/** Every shipped notice, oldest first. */
export async function loadShippedNotices(): Promise<YearNotice[]> {
  const files = (await readdir(DATA_DIR)).filter((f) => /^\d{4}\.json$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => parseNotice(file, JSON.parse(await readFile(new URL(file, DATA_DIR), 'utf8')))),
  );
}
