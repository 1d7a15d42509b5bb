// Every refusal must leave the file exactly as it was: same bytes, same size,
// same modification time, and no -wal/-shm files beside it.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProjectDb } from '../../src-main/db/open.ts';
import { projectInfo } from '../../src-main/services/project.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { BAD_KINDS, makeBadFile, makeProject } from '../helpers/bad-files.ts';
import { fingerprint, otherFiles, useTmp } from '../helpers/tmp.ts';
import { loadMigrations as loadSchemaMigrations } from '../../src-main/db/migrations.ts';

const LATEST_SCHEMA = loadSchemaMigrations().length;

function openError(path: string): DomainError {
  try {
    openProjectDb(path).close();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`${basename(path)} opened, but it should have been refused`);
}

describe('openProjectDb refuses files it must not open, and leaves them untouched', () => {
  const tmp = useTmp();

  it.each(BAD_KINDS)('%s', (kind) => {
    const dir = tmp.dir();
    const bad = makeBadFile(dir, kind);
    const name = basename(bad.path);
    expect(otherFiles(dir, name)).toEqual([]); // the set-up itself left nothing else
    const before = fingerprint(bad.path);
    const err = openError(bad.path);
    expect(err.code).toBe(bad.code);
    expect(err.params).toEqual(bad.params ?? { file: name });
    expect(fingerprint(bad.path)).toEqual(before);
    expect(existsSync(`${bad.path}-wal`)).toBe(false);
    expect(existsSync(`${bad.path}-shm`)).toBe(false);
    expect(otherFiles(dir, name)).toEqual([]);
    // Refusing twice gives the same answer (nothing was half-repaired the first time).
    expect(openError(bad.path).code).toBe(bad.code);
    expect(fingerprint(bad.path)).toEqual(before);
  });

  it('a missing file or a folder → project.not_found', () => {
    const dir = tmp.dir();
    expect(openError(join(dir, 'nergens.duiding'))).toMatchObject({ code: 'project.not_found', params: { file: 'nergens.duiding' } });
    mkdirSync(join(dir, 'map.duiding'));
    expect(openError(join(dir, 'map.duiding')).code).toBe('project.not_found');
    expect(existsSync(join(dir, 'nergens.duiding'))).toBe(false);
  });

  // Known gap: when a -wal file is left beside the project (say a newer Duiding
  // crashed), the refusal itself is right, but closing the refused connection
  // checkpoints that WAL into the main file (content the same, bytes not).
  it.todo('a refused project with a leftover -wal file keeps its main file byte-for-byte');

  it('newer_schema names both versions', () => {
    const bad = makeBadFile(tmp.dir(), 'newer-schema');
    const err = openError(bad.path);
    expect(err.params.fileVersion).toBe(99);
    expect(err.params.appVersion).toBe(LATEST_SCHEMA);
  });
});

describe('a project already open', () => {
  const tmp = useTmp();

  it('in this process → project.locked, and the open one keeps working', () => {
    const dir = tmp.dir();
    const path = makeProject(dir, 'p.duiding');
    const first = tmp.track(openProjectDb(path));
    const err = openError(path);
    expect(err).toMatchObject({ code: 'project.locked', params: { file: 'p.duiding' } });
    // The first connection is unaffected and can still write.
    first.sqlite.prepare("INSERT INTO users (guid, name) VALUES ('g1', 'Coder')").run();
    expect(projectInfo(first).counts.users).toBe(1);
    first.close();
    // Once closed, the project opens again with the change in it.
    const again = tmp.track(openProjectDb(path));
    expect(projectInfo(again).counts.users).toBe(1);
  });

  it('refused while locked leaves the main file untouched', () => {
    const path = makeProject(tmp.dir(), 'p.duiding');
    const before = fingerprint(path);
    const first = tmp.track(openProjectDb(path));
    // Opening takes the write lock but changes nothing while idle.
    const whileOpen = fingerprint(path);
    expect(whileOpen.sha256).toBe(before.sha256);
    expect(openError(path).code).toBe('project.locked');
    expect(fingerprint(path)).toEqual(whileOpen);
    first.close();
  });
});

describe('a project open in another process', () => {
  const tmp = useTmp();
  const holder = fileURLToPath(new URL('../helpers/hold-project.ts', import.meta.url));

  function startHolder(path: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, [holder, path], { stdio: ['pipe', 'pipe', 'pipe'] });
    tmp.defer(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`holder not ready in time; stderr: ${err}`)), 15_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready\n')) {
          clearTimeout(timer);
          resolve(child);
        }
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`holder exited with ${code}; stderr: ${err}`));
      });
    });
  }

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

  it('→ project.locked; after the other process dies, the project opens', async () => {
    const path = makeProject(tmp.dir(), 'gedeeld.duiding');
    const child = await startHolder(path);
    const before = fingerprint(path);
    const err = openError(path);
    expect(err).toMatchObject({ code: 'project.locked', params: { file: 'gedeeld.duiding' } });
    expect(fingerprint(path)).toEqual(before);
    // A crash (SIGKILL) releases the OS lock: no stale lock file to clean up.
    child.kill('SIGKILL');
    await exited(child);
    const db = tmp.track(openProjectDb(path));
    expect(projectInfo(db).counts.codes).toBeGreaterThan(0);
  });

  it('→ project.locked; after the other process closes it, the project opens', async () => {
    const path = makeProject(tmp.dir(), 'gedeeld.duiding');
    const child = await startHolder(path);
    expect(openError(path).code).toBe('project.locked');
    child.stdin!.end();
    await exited(child);
    expect(child.exitCode).toBe(0);
    const db = tmp.track(openProjectDb(path));
    expect(db.schemaVersion).toBe(LATEST_SCHEMA);
  });
});
