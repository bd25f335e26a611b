import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { FileObjectTable } from './files.tables.ts';

export type FileRow = Selectable<FileObjectTable>;

export async function insertFile(db: Executor, row: Insertable<FileObjectTable>): Promise<FileRow> {
  return db.insertInto('file_object').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * A live file whose org unit lies in the jurisdiction `scopePath` (in the current tree, so a
 * unit moved elsewhere takes its files along).
 */
export async function findFileInScope(
  db: Executor,
  id: string,
  scopePath: string,
): Promise<FileRow | undefined> {
  return db
    .selectFrom('file_object as f')
    .innerJoin('org_unit as o', 'o.id', 'f.org_unit_id')
    .selectAll('f')
    .where('f.id', '=', id)
    .where('f.deleted_at', 'is', null)
    .where('o.path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

export async function markFileDeleted(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('file_object')
    .set({ deleted_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}
