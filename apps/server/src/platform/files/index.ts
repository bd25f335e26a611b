import type { Part } from '../http/platform.ts';
import { filesRoutes } from './files.routes.ts';
import { filesMigrations } from './migrations/index.ts';

export const filesPart: Part = { name: 'files', migrations: filesMigrations, routes: filesRoutes };

export { DiskFileStore, type FileStore } from './file-store.ts';
export { type ByteSource, bufferSource, type FileType, sniff } from './sniff.ts';
