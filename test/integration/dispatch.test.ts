import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { ENTITY_TAGS, type AppEvents } from '../../src-shared/contracts/index.ts';
import type { ProjectInfo, ProjectSummary } from '../../src-shared/contracts/project.ts';
import type { Result } from '../../src-shared/errors.ts';
import { useTmp } from '../helpers/tmp.ts';
import { loadMigrations as loadSchemaMigrations } from '../../src-main/db/migrations.ts';

const LATEST_SCHEMA = loadSchemaMigrations().length;

function setup(tmp: ReturnType<typeof useTmp>, extra: Partial<Parameters<typeof createDispatcher>[0]> = {}) {
  const session = tmp.track(new Session());
  const events: { event: string; payload: unknown }[] = [];
  session.subscribe((event, payload) => events.push({ event, payload }));
  const internal: { channel: string; err: unknown }[] = [];
  const dispatch = createDispatcher({ session, onInternalError: (channel, err) => internal.push({ channel, err }), ...extra });
  return { session, dispatch, events, internal };
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.error;
}

describe('dispatch validates before any service code runs', () => {
  const tmp = useTmp();

  it('project.new with an unknown template: invalid_input, no file, no event', async () => {
    const { dispatch, events, session } = setup(tmp);
    const dir = tmp.dir();
    const path = join(dir, 'x.duiding');
    const err = errorOf(await dispatch('project.new', { path, template: 'bogus' }));
    expect(err.code).toBe('invalid_input');
    expect(err.params).toMatchObject({ channel: 'project.new' });
    expect(String(err.params?.detail)).toContain('template');
    expect(err.message).toContain('project.new');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(events).toEqual([]);
    expect(session.project).toBeNull();
  });

  it.each([
    ['sources.get', { id: -1 }],
    ['sources.get', { id: 0 }],
    ['sources.get', { id: '1' }],
    ['sources.get', { id: 1.5 }],
    ['sources.get', {}],
    ['sources.get', { id: 1, extra: true }],
    ['project.info', { extra: 1 }],
    ['project.current', { extra: 1 }],
    ['codebook.list', { perspective: 'burger' }],
    ['codebook.list', { perspective: 'bestuurder', x: 1 }],
    ['participants.list', { x: 1 }],
    ['project.open', {}],
    ['project.open', { path: '' }],
    ['project.open', { path: 42 }],
    ['project.new', { path: '/tmp/x.duiding' }],
    ['project.new', { path: '/tmp/x.duiding', template: 'jzojp', name: '' }],
    ['project.saveAs', { path: null }],
    ['sources.get', 'not an object'],
    ['sources.get', [1]],
  ])('%s %j → invalid_input (not no_project: validation comes first)', async (channel, payload) => {
    const { dispatch } = setup(tmp);
    const err = errorOf(await dispatch(channel, payload));
    expect(err.code).toBe('invalid_input');
    expect(err.params?.channel).toBe(channel);
    expect(err.message.length).toBeGreaterThan(0);
  });

  it('a missing payload counts as {}', async () => {
    const { dispatch } = setup(tmp);
    expect(await dispatch('project.current', undefined)).toEqual({ ok: true, data: null });
    expect(await dispatch('project.current', null)).toEqual({ ok: true, data: null });
  });
});

describe('dispatch routing', () => {
  const tmp = useTmp();

  it.each(['nope', 'project.delete', '__proto__', 'toString', ''])('unknown channel %j → unknown_channel', async (channel) => {
    const { dispatch } = setup(tmp);
    const err = errorOf(await dispatch(channel, {}));
    expect(err.code).toBe('unknown_channel');
    expect(err.params).toEqual({ channel });
  });

  it.each([
    ['project.info', {}],
    ['codebook.list', {}],
    ['sources.list', {}],
    ['sources.get', { id: 1 }],
    ['participants.list', {}],
    ['attributes.list', {}],
    ['project.saveAs', { path: '/tmp/never-written.duiding' }],
  ])('%s without a project → no_project', async (channel, payload) => {
    const { dispatch } = setup(tmp);
    const err = errorOf(await dispatch(channel, payload));
    expect(err).toMatchObject({ code: 'no_project', message: 'Er is geen project geopend.' });
  });

  it('project.current and project.close work without a project', async () => {
    const { dispatch } = setup(tmp);
    expect(await dispatch('project.current', {})).toEqual({ ok: true, data: null });
    expect(await dispatch('project.close', {})).toEqual({ ok: true, data: null });
  });

  it('a shell channel without a shell handler → unsupported', async () => {
    const { dispatch } = setup(tmp);
    const err = errorOf(await dispatch('shell.getLanguage', {}));
    expect(err).toMatchObject({ code: 'unsupported', params: { what: 'shell.getLanguage' } });
    expect(err.message).toContain('shell.getLanguage');
  });

  it('a shell channel is validated, then answered by the given shell handler', async () => {
    const calls: unknown[] = [];
    const { dispatch } = setup(tmp, {
      shell: {
        'shell.setLanguage': (input) => {
          calls.push(input);
          return input.language;
        },
      },
    });
    expect(await dispatch('shell.setLanguage', { language: 'en' })).toEqual({ ok: true, data: 'en' });
    expect(errorOf(await dispatch('shell.setLanguage', { language: 'fr' })).code).toBe('invalid_input');
    expect(calls).toEqual([{ language: 'en' }]);
    expect(errorOf(await dispatch('shell.getLanguage', {})).code).toBe('unsupported');
  });

  it('an unexpected error becomes internal, without its message, and is reported', async () => {
    const { dispatch, internal } = setup(tmp, {
      shell: {
        'shell.recentProjects': () => {
          throw new TypeError('secret transcript text');
        },
      },
    });
    const err = errorOf(await dispatch('shell.recentProjects', {}));
    expect(err.code).toBe('internal');
    expect(err.message).not.toContain('secret');
    expect(err.message).toContain('TypeError');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.channel).toBe('shell.recentProjects');
  });

  it('async handlers are awaited', async () => {
    const { dispatch } = setup(tmp, { shell: { 'shell.exampleProjectPath': async () => '/voorbeeld.duiding' } });
    expect(await dispatch('shell.exampleProjectPath', {})).toEqual({ ok: true, data: '/voorbeeld.duiding' });
  });
});

describe('project channels and events', () => {
  const tmp = useTmp();

  it('project.new creates the project, makes it current and emits project.changed with every tag', async () => {
    const { dispatch, events, session } = setup(tmp);
    const path = join(tmp.dir(), 'nieuw.duiding');
    const result = await dispatch('project.new', { path, template: 'jzojp', name: '  Evaluatie  ' });
    expect(result.ok).toBe(true);
    const summary = (result as { data: ProjectSummary }).data;
    expect(summary).toMatchObject({ path, name: 'Evaluatie', template: 'jzojp', schemaVersion: LATEST_SCHEMA, backupPath: null });
    expect(existsSync(path)).toBe(true);
    expect(session.project?.path).toBe(path);
    expect(events).toEqual([{ event: 'project.changed', payload: { tags: [...ENTITY_TAGS] } }]);
    expect(await dispatch('project.current', {})).toEqual({ ok: true, data: summary });
    const info = (await dispatch('project.info', {})) as { ok: true; data: ProjectInfo };
    expect(info.data.codebook).toHaveLength(8);
    expect(info.data.counts.codes).toBe(35);
  });

  it('project.close and project.open emit events; a failed open keeps the current project', async () => {
    const { dispatch, events, session } = setup(tmp);
    const dir = tmp.dir();
    const a = join(dir, 'a.duiding');
    await dispatch('project.new', { path: a, template: 'empty' });
    expect((await dispatch('project.close', {})).ok).toBe(true);
    expect(session.project).toBeNull();
    expect((await dispatch('project.open', { path: a })).ok).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['project.changed', 'project.changed', 'project.changed']);
    for (const e of events) expect((e.payload as AppEvents['project.changed']).tags).toEqual([...ENTITY_TAGS]);
    // Opening the same path again is a no-op, not a lock error.
    expect((await dispatch('project.open', { path: a })).ok).toBe(true);
    // A refused open leaves the current project open and usable.
    const bad = errorOf(await dispatch('project.open', { path: join(dir, 'ontbreekt.duiding') }));
    expect(bad.code).toBe('project.not_found');
    expect(session.project?.path).toBe(a);
    expect((await dispatch('project.info', {})).ok).toBe(true);
  });

  it('unsubscribe stops events', async () => {
    const session = tmp.track(new Session());
    const seen: string[] = [];
    const off = session.subscribe((e) => seen.push(e));
    session.changed(['codes']);
    off();
    session.changed(['codes']);
    expect(seen).toEqual(['project.changed']);
  });
});
