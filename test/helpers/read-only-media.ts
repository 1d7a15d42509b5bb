// Real read-only media for tests in this process, also for root (root ignores
// file permissions, not a read-only mount): a child process in its own user
// and mount namespace mounts a tmpfs, copies the files in, remounts it
// read-only and waits. This process reaches that mount through the child's
// /proc/<pid>/root, so the files it opens there really are on read-only media.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ReadOnlyMedia {
  /** The folder on the read-only medium holding the copied files (by their base names). */
  dir: string;
  close(): void;
}

export function readOnlyMedia(files: readonly string[]): Promise<ReadOnlyMedia> {
  const mnt = mkdtempSync(join(tmpdir(), 'duiding-ro-media-'));
  const script = 'set -e; m="$1"; shift; mount -t tmpfs tmpfs "$m"; cp "$@" "$m"/; mount -o remount,ro "$m"; echo ready; exec sleep 3600';
  const child: ChildProcess = spawn('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', mnt, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const close = () => {
    child.kill('SIGKILL');
    rmSync(mnt, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') resolve({ dir: `/proc/${child.pid}/root${mnt}`, close });
    });
    child.on('exit', (code) => reject(new Error(`read-only media: unshare/mount failed (${String(code)}): ${stderr}`)));
  });
}

export const onMedia = (media: ReadOnlyMedia, file: string) => join(media.dir, basename(file));
