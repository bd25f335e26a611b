import { forbidden } from '../http/errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { FileRow } from './files.repository.ts';

/**
 * Who may do what with a file. Jurisdiction — the file's org unit lies in the actor's subtree —
 * is enforced by the repository's scoped query; these rules come on top of it.
 */
export const filesPolicy = {
  /**
   * The uploader, or an administrator of the file's unit or one above it who also handles
   * files (file.upload): security and audit administrators may not delete business records.
   */
  assertCanDelete(actor: Actor, file: FileRow): void {
    const isOwner = file.owner_user_id === actor.userId;
    if (!isOwner && !(actor.isAdmin && actor.permissions.has('file.upload')))
      throw forbidden('only the uploader or an administrator of its unit may delete a file');
  },
};
