import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../http/errors.ts';
import type { ByteSource } from './sniff.ts';

export interface StagedUpload {
  readonly path: string;
  readonly size: number;
  readonly sm3: string;
}

/**
 * Streams an upload into a fresh temporary file, measuring and hashing it on the way, and
 * fsyncs it. More than `maxBytes` is refused with 413 and leaves nothing behind.
 */
export async function stageUpload(
  content: AsyncIterable<Uint8Array>,
  tmpDir: string,
  maxBytes: number,
): Promise<StagedUpload> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `${randomUUID()}.part`);
  const file = await open(path, 'wx', 0o600);
  const hash = createHash('sm3');
  let size = 0;
  try {
    for await (const chunk of content) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      hash.update(chunk);
      await file.write(chunk);
    }
    await file.sync();
    await file.close();
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    throw err;
  }
  return { path, size, sm3: hash.digest('hex') };
}

export const tooLarge = (maxBytes: number) =>
  new AppError(413, 'payload_too_large', `files may have at most ${maxBytes} bytes`);

/** Runs `fn` over a synchronous byte source on the staged file, for the sniffer. */
export function withFileSource<T>(path: string, size: number, fn: (source: ByteSource) => T): T {
  const fd = openSync(path, 'r');
  try {
    return fn({
      size,
      read(offset, length) {
        if (offset < 0 || offset >= size || length <= 0) return new Uint8Array(0);
        const buf = Buffer.alloc(Math.min(length, size - offset));
        const n = readSync(fd, buf, 0, buf.length, offset);
        return buf.subarray(0, n);
      },
    });
  } finally {
    closeSync(fd);
  }
}
