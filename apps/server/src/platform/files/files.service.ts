import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { FileStore } from './file-store.ts';
import { filesPolicy } from './files.policy.ts';
import { type FileRow, findFileInScope, insertFile, markFileDeleted } from './files.repository.ts';
import { safeFilename, sniff } from './sniff.ts';
import { stageUpload, tooLarge, withFileSource } from './staging.ts';

export interface FileStorage {
  readonly store: FileStore;
  /** Same file system as the store's root, so staged files move by rename. */
  readonly tmpDir: string;
  readonly maxBytes: number;
}

export interface IncomingFile {
  readonly filename: string;
  readonly content: AsyncIterable<Uint8Array>;
  /** Whether the multipart parser cut the file at its own limit. */
  readonly truncated: () => boolean;
}

/** A file durably in the store, not yet recorded. */
export interface StoredUpload {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly sm3: string;
}

export const toFileDto = (row: FileRow) => ({
  id: row.id,
  filename: row.filename,
  mime: row.mime,
  size: row.size,
  sm3: row.sm3,
  orgUnitId: row.org_unit_id,
  ownerUserId: row.owner_user_id,
  createdAt: row.created_at.toISOString(),
});

/**
 * Stages the upload, checks its size and type from its bytes, and moves it into the store. The
 * caller then records it (recordUpload) and removes it from the store if recording fails.
 */
export async function storeUpload(storage: FileStorage, file: IncomingFile): Promise<StoredUpload> {
  const staged = await stageUpload(file.content, storage.tmpDir, storage.maxBytes);
  try {
    if (file.truncated()) throw tooLarge(storage.maxBytes);
    if (staged.size === 0) throw badRequest('the file is empty');
    const type = withFileSource(staged.path, staged.size, (source) => sniff(source, file.filename));
    if (!type) {
      throw new AppError(
        415,
        'unsupported_media_type',
        'accepted: PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint (OOXML), OFD, UTF-8 text and CSV',
      );
    }
    const id = randomUUID();
    await storage.store.put(id, staged.path);
    return {
      id,
      filename: safeFilename(file.filename, type),
      mime: type.mime,
      size: staged.size,
      sm3: staged.sm3,
    };
  } finally {
    await rm(staged.path, { force: true });
  }
}

export async function recordUpload(trx: Executor, ctx: AuditContext, actor: Actor, upload: StoredUpload) {
  const row = await insertFile(trx, {
    id: upload.id,
    org_unit_id: actor.orgUnitId,
    org_path: actor.orgPath,
    owner_user_id: actor.userId,
    filename: upload.filename,
    mime: upload.mime,
    size: upload.size,
    sm3: upload.sm3,
    storage_key: upload.id,
  });
  await recordAudit(trx, ctx, {
    action: 'file.upload',
    objectType: 'file',
    objectId: row.id,
    after: { filename: row.filename, mime: row.mime, size: row.size, sm3: row.sm3 },
  });
  return toFileDto(row);
}

async function fileInScope(db: Executor, actor: Actor, id: string): Promise<FileRow> {
  const row = await findFileInScope(db, id, actor.orgPath);
  if (!row) throw notFound(`file ${id}`);
  return row;
}

export const fileMetadata = async (db: Executor, actor: Actor, id: string) =>
  toFileDto(await fileInScope(db, actor, id));

export async function openFileContent(
  db: Executor,
  store: FileStore,
  actor: Actor,
  id: string,
): Promise<{ row: FileRow; content: Readable }> {
  const row = await fileInScope(db, actor, id);
  return { row, content: await store.open(row.storage_key) };
}

/** Soft delete: the row stays for the record and the bytes for retention rules to decide. */
export async function deleteFile(trx: Executor, ctx: AuditContext, actor: Actor, id: string, now: Date) {
  const row = await fileInScope(trx, actor, id);
  filesPolicy.assertCanDelete(actor, row);
  await markFileDeleted(trx, id, now);
  await recordAudit(trx, ctx, {
    action: 'file.delete',
    objectType: 'file',
    objectId: id,
    before: { filename: row.filename, mime: row.mime, size: row.size, sm3: row.sm3 },
  });
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 §4.3, RFC 8187). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
