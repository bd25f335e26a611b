import type { ColumnType } from 'kysely';

export interface FileObjectTable {
  /** Also the storage key's basis: ids, not names, reach the disk. */
  id: string;
  org_unit_id: number;
  /** The uploader's org path at upload time, for the record; scoping joins the current tree. */
  org_path: string;
  owner_user_id: number;
  /** As given by the uploader, cleaned, with an extension matching `mime`. */
  filename: string;
  /** Sniffed from the bytes, never taken from the client. */
  mime: string;
  size: number;
  /** SM3 of the content, hex. */
  sm3: string;
  storage_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  deleted_at: Date | null;
}

export interface FileTables {
  file_object: FileObjectTable;
}
