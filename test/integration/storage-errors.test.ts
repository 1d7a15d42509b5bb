// Messages that do not mislead (issue 10 §15): a project on read-only media is
// not "damaged" — it opens read-only (every write refused with a clear
// message) or can be copied; a full disk loses nothing and says so. Both run
// for real in a child process inside an unshare'd user and mount namespace
// with a tmpfs (remounted read-only, or small), so they fail for root too:
// root ignores file permissions but not a read-only mount or a full disk.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { FIXTURE_DIR, fixtureName } from '../../scripts/make-schema-fixtures.ts';
import { useTmp } from '../helpers/tmp.ts';
import { loadMigrations } from '../../src-main/db/migrations.ts';

const LATEST_SCHEMA = loadMigrations().length;

const CHILD = fileURLToPath(new URL('../helpers/storage-child.ts', import.meta.url));
const tmp = useTmp('duiding-storage-');

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string };

/** Mounts a tmpfs at `mnt` in a private namespace, copies the projects in, runs `prepare` (sh), then the child. */
function inNamespace(mode: 'readonly' | 'full', size: string, prepare: string): Record<string, Answer | unknown> {
  const dir = tmp.dir();
  const mnt = join(dir, 'media');
  const writable = join(dir, 'writable');
  mkdirSync(mnt);
  mkdirSync(writable);
  const project = join(dir, 'studie.duiding');
  createExampleProject(project).close();
  const old = join(dir, 'oud.duiding');
  copyFileSync(join(FIXTURE_DIR, fixtureName(7)), old);
  // A project left with committed changes still in its -wal (not closed cleanly): copied while open.
  const wal = join(dir, 'wal.duiding');
  copyFileSync(project, wal);
  const open = new Database(wal);
  open.pragma('journal_mode = WAL');
  open.pragma('wal_autocheckpoint = 0');
  open.prepare("INSERT INTO codes (guid, name, color) VALUES ('wal-only', 'Alleen in de WAL', '#123456')").run();
  copyFileSync(wal, join(dir, 'wal-copy.duiding'));
  copyFileSync(`${wal}-wal`, join(dir, 'wal-copy.duiding-wal'));
  open.close();
  const script = [
    'set -e',
    `mount -t tmpfs -o size=${size} tmpfs "$1"`,
    'cp "$2" "$3" "$1"/',
    `cp "${join(dir, 'wal-copy.duiding')}" "$1/wal.duiding"`,
    `cp "${join(dir, 'wal-copy.duiding-wal')}" "$1/wal.duiding-wal"`,
    prepare,
    'exec "$4" "$5" "$6" "$1/studie.duiding" "$1/oud.duiding" "$7"',
  ].join('\n');
  const stdout = execFileSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', mnt, project, old, process.execPath, CHILD, mode, writable], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, Answer | unknown>;
}

describe('a project on read-only media', () => {
  it('is not called damaged, opens read-only, refuses every write with a clear message, and can be saved elsewhere', () => {
    const r = inNamespace('readonly', '8m', 'mount -o remount,ro "$1"') as Record<string, Answer> & { unchanged: boolean; mediaFiles: string[] };
    expect(r.open).toMatchObject({ ok: false, code: 'project.read_only' });
    const message = (r.open as { message: string }).message;
    expect(message).toContain('studie.duiding');
    expect(message).toMatch(/alleen-lezen/);
    expect(message).not.toMatch(/is beschadigd|open een back-up/);

    expect(r.openReadOnly).toMatchObject({ ok: true, data: { readOnly: true, schemaVersion: LATEST_SCHEMA } });
    expect(r.info).toMatchObject({ ok: true, data: { counts: { codes: 35, codings: 21 } } });
    expect(r.search).toMatchObject({ ok: true });
    expect(r.setCoder).toMatchObject({ ok: true });
    for (const write of ['create', 'memo', 'undo', 'clear', 'keyQuote'] as const) {
      expect(r[write], write).toMatchObject({ ok: false, code: 'project.read_only_mode' });
      expect((r[write] as { message: string }).message, write).toMatch(/alleen-lezen geopend.*Opslaan als/);
    }
    expect(r.saveAs).toMatchObject({ ok: true, data: { readOnly: false } });
    expect(r.createInCopy).toMatchObject({ ok: true });

    // An older project: read-only is offered too, and viewing upgrades it in memory only.
    expect(r.openOld).toMatchObject({ ok: false, code: 'project.read_only' });
    expect(r.openOldReadOnly).toMatchObject({ ok: true, data: { readOnly: true, schemaVersion: LATEST_SCHEMA } });
    expect(r.oldMemos).toMatchObject({ ok: true, data: { length: 5 } });
    // Nothing was written on the medium: no -wal, no backup, the bytes unchanged.
    expect(r.unchanged).toBe(true);
    expect(r.mediaFiles).toEqual(['oud.duiding', 'studie.duiding', 'wal.duiding', 'wal.duiding-wal']);
    // Committed changes still in a -wal beside the file are shown too.
    expect(r.walCode).toBe(1);
  });
});

describe('a full disk', () => {
  it('loses nothing, says so, leaves no half-written copy or backup, and the same write works once there is room', () => {
    const r = inNamespace('full', '3m', 'true') as Record<string, Answer> & Record<string, unknown>;
    expect(r.open).toMatchObject({ ok: true });
    expect(r.memo).toMatchObject({ ok: false, code: 'project.disk_full' });
    const message = (r.memo as { message: string }).message;
    expect(message).toContain('studie.duiding');
    expect(message).toMatch(/niets verloren/);
    expect(message).not.toMatch(/onverwachts|SqliteError/);
    expect(r.memosAfterFull).toBe(true);
    expect(r.saveAs).toMatchObject({ ok: false, code: 'project.disk_full' });
    expect(r.stillOpen).toBe(true);
    expect(r.integrity).toBe('ok');
    expect(r.openOld).toMatchObject({ ok: false, code: 'project.disk_full' });
    expect((r.openOld as { message: string }).message).toContain('oud.duiding');
    expect(r.oldUnchanged).toBe(true);
    expect(r.leftovers).toEqual([]);
    expect(r.reopen).toMatchObject({ ok: true });
    expect(r.memoRetry).toMatchObject({ ok: true });
    expect(r.memosAfterRetry).toBe(true);
  });
});
