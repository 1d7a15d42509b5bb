// Issue 12 §1: the database and services run in an engine (a utility process
// in the app, a worker thread here). The UI side must see the same contracts
// and ordering as in one process, and must never hang on an engine that died.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { EngineClient, isShellChannel, routeCalls, workerTransport } from '../../src-main/engine/client.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import type { EngineProject } from '../../src-main/engine/protocol.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { Language } from '../../src-shared/i18n/catalog.ts';
import { useTmp } from '../helpers/tmp.ts';

const HARNESS_ENGINE = new URL('../harness/engine-worker.ts', import.meta.url);
const APP_ENGINE = new URL('../../src-main/engine/entry.ts', import.meta.url);
/** What Electron forks: the bundled entry (`npm test` builds it first). */
const BUILT_ENGINE = new URL('../../out/main/engine.js', import.meta.url);

function makeProject(path: string): void {
  const db = createProject(path, { template: 'jzojp', name: 'Engine' });
  addSource(db, { name: 'Interview 1', text: 'Interviewer: Hoe gaat het?\nAnna: Goed, de huisarts belt terug.', originalFormat: 'txt' });
  db.close();
}

function startClient(entry = HARNESS_ENGINE, language: Language = 'nl') {
  const log: string[] = [];
  const projects: (EngineProject | null)[] = [];
  const client = new EngineClient({
    start: () => workerTransport(entry),
    language: () => language,
    onEvent: (event, payload) => log.push(`event ${event} ${JSON.stringify(payload)}`),
    onProject: (project) => projects.push(project),
    onLog: (line) => log.push(`log ${line}`),
  });
  return { client, log, projects };
}

function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

describe('engine in a worker thread', () => {
  const tmp = useTmp();

  it('answers calls with the same contracts, and a call’s change events arrive before its result', async () => {
    const path = join(tmp.dir(), 'p.duiding');
    makeProject(path);
    const { client, log, projects } = startClient();
    try {
      const opened = data<{ name: string; path: string }>(await client.call('project.open', { path }));
      expect(opened.name).toBe('Engine');
      expect(projects.at(-1)).toEqual(client.project);
      expect(client.project).toEqual({ path: opened.path, name: 'Engine', readOnly: false });
      expect(projects.at(-1)?.name).toBe('Engine');

      const codes = data<{ id: number; name: string }[]>(await client.call('codebook.list', {}));
      const sources = data<{ id: number }[]>(await client.call('sources.list', {}));
      const before = log.length;
      let eventsAtResult = -1;
      const applied = client.call('codings.apply', { sourceId: sources[0]!.id, codeId: codes[0]!.id, ranges: [{ start: 0, end: 11 }] }).then((r) => {
        eventsAtResult = log.slice(before).filter((l) => l.startsWith('event project.changed')).length;
        return r;
      });
      expect(data<number[]>(await applied)).toHaveLength(1);
      expect(eventsAtResult).toBeGreaterThan(0);
      expect(log.slice(before).join('\n')).toContain('"codings"');

      // Validation and domain errors come back as the same translated envelopes.
      const bad = await client.call('codings.apply', { sourceId: 'x' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const unknown = await client.call('no.such.channel', {});
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    } finally {
      await client.close();
    }
    // Closed cleanly: the lock is released and the project opens elsewhere.
    openProjectDb(path).close();
  });

  it('a value the port cannot carry still answers the request, and the engine goes on', async () => {
    const { client } = startClient();
    try {
      // A function cannot be cloned: the harness hook returns one, as a service bug would.
      await expect(client.extra({ source: '() => () => 1', arg: null })).rejects.toThrow();
      expect((await client.call('project.current', {})).ok).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('holds the project lock in the engine: a second engine is refused while the first has it open', async () => {
    const path = join(tmp.dir(), 'p.duiding');
    makeProject(path);
    const first = startClient();
    const second = startClient();
    try {
      data(await first.client.call('project.open', { path }));
      expect(await second.client.call('project.open', { path })).toMatchObject({ ok: false, error: { code: 'project.locked' } });
    } finally {
      await Promise.all([first.client.close(), second.client.close()]);
    }
  });

  it('an engine that dies answers every waiting call with one clear error, restarts and reopens the project', async () => {
    const path = join(tmp.dir(), 'p.duiding');
    makeProject(path);
    const { client, log } = startClient(HARNESS_ENGINE, 'en');
    try {
      const opened = data<{ path: string }>(await client.call('project.open', { path }));
      // The thread ends while a call and a request wait: both are answered, not left hanging.
      const waiting = client.call('codebook.list', {});
      const dying = client.extra({ source: '() => { setTimeout(() => process.exit(3), 20); return new Promise(() => undefined); }', arg: null });
      const stalled = client.extra({ source: '() => new Promise(() => undefined)', arg: null });
      expect((await waiting).ok).toBe(true);
      await expect(dying).rejects.toThrow('engine stopped');
      await expect(stalled).rejects.toThrow('engine stopped');
      expect(log.some((l) => l.includes('restarting'))).toBe(true);
      // The new engine reopened the project (its lock was released when the thread ended). Starting a thread and
      // opening a project can take seconds on a busy machine: wait for the outcome, not for a fixed second.
      await expect.poll(() => client.project?.path ?? log.find((l) => l.includes('reopen after restart')), { timeout: 20_000 }).toBe(opened.path);
      expect((await client.call('codebook.list', {})).ok).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('the app’s entry starts an engine without test hooks', async () => {
    const path = join(tmp.dir(), 'p.duiding');
    makeProject(path);
    const { client } = startClient(APP_ENGINE);
    try {
      expect(data<{ name: string }>(await client.call('project.open', { path })).name).toBe('Engine');
      await expect(client.extra({ source: '() => 1', arg: null })).rejects.toThrow('not enabled');
    } finally {
      await client.close();
    }
    // A call after closing (the app is quitting) says so; it was not restarted.
    const late = await client.call('sources.list', {});
    expect(late).toMatchObject({ ok: false, error: { code: 'engine.closed', message: 'Duiding wordt afgesloten: deze handeling is niet meer uitgevoerd.' } });
    // Closing checkpointed the WAL into the project file and released the lock.
    expect(existsSync(`${path}-wal`)).toBe(false);
    openProjectDb(path).close();
  });

  it.skipIf(!existsSync(BUILT_ENGINE))('the bundled engine (out/main/engine.js, what the utility process runs) opens a project and closes it', async () => {
    const path = join(tmp.dir(), 'p.duiding');
    makeProject(path);
    const { client, log } = startClient(BUILT_ENGINE);
    try {
      expect(data<{ name: string }>(await client.call('project.open', { path })).name).toBe('Engine');
      expect(data<{ name: string }[]>(await client.call('sources.list', {})).map((s) => s.name)).toEqual(['Interview 1']);
      // The bundle finds what lies beside it: the migrations (opening above) and the import worker entry.
      const file = join(tmp.dir(), 'gesprek.txt');
      writeFileSync(file, 'Interviewer: Hoe gaat het?\nBram: Goed.\n');
      const preview = data<{ ok: boolean; name?: string }[]>(await client.call('import.preview', { paths: [file] }));
      expect(preview).toHaveLength(1);
      expect(preview[0]).toMatchObject({ ok: true });
    } finally {
      await client.close();
    }
    expect(log.filter((l) => l.startsWith('log '))).toEqual([]);
    openProjectDb(path).close();
  });

  it('routes shell channels to the shell and all others to the engine', async () => {
    expect(isShellChannel('shell.getLanguage')).toBe(true);
    expect(isShellChannel('project.open')).toBe(false);
    expect(isShellChannel('toString')).toBe(false);
    const { client } = startClient();
    try {
      const seen: string[] = [];
      const dispatch = routeCalls(client, async (channel) => {
        seen.push(channel);
        return { ok: true, data: 'nl' };
      });
      expect(await dispatch('shell.getLanguage', {})).toEqual({ ok: true, data: 'nl' });
      expect(await dispatch('project.info', {})).toMatchObject({ ok: false, error: { code: 'no_project' } });
      expect(seen).toEqual(['shell.getLanguage']);
    } finally {
      await client.close();
    }
  });
});
