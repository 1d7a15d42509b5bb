// Writes a file so that the target path only ever holds a complete file:
// write a temporary file beside it, flush it to disk, then rename over the
// target. On failure the temporary file is removed and the target untouched.
// It never writes over a project (assertWritableTarget), whoever calls it.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { assertWritableTarget } from './write-target.ts';

export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  assertWritableTarget(target);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
