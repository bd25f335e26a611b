import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live. The disk store is the default; an object store (S3-compatible,
 * OSS) implements the same three operations.
 */
export interface FileStore {
  /** Moves a complete, fsynced local file into storage under `key`; durable when it resolves. */
  put(key: string, stagedPath: string): Promise<void>;
  /** The stored bytes; rejects when they are missing. */
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function fsyncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Files under `<root>/<k0k1>/<k2k3>/<key>`: two levels of fan-out keep directories small. */
export class DiskFileStore implements FileStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.#root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, stagedPath: string): Promise<void> {
    const path = this.pathOf(key);
    const parent = dirname(path);
    const created = await mkdir(parent, { recursive: true });
    await rename(stagedPath, path);
    // The rename is durable once the directory holding the new name is synced, and a
    // directory just created is durable once its own parent is.
    await fsyncDirectory(parent);
    if (created) {
      await fsyncDirectory(dirname(parent));
      await fsyncDirectory(this.#root);
    }
  }

  async open(key: string): Promise<Readable> {
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
