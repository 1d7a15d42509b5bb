import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { inReadOnlyDir } from '../../helpers/read-only-dir.ts';
import { MAX_RECENT, SETTINGS_FILE, openSettingsStore, writeFileAtomic } from '../../../src-main/electron/settings-store.ts';

const tmp = useTmp('duiding-settings-');

/** A real project-like file so the existence check keeps it. */
function touch(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, 'x');
  return path;
}

describe('settings store', () => {
  it('starts with Dutch, no recent projects and nothing to reopen, and knows it is the first start', () => {
    const dir = tmp.dir();
    const store = openSettingsStore(dir);
    expect(store.existedAtStart).toBe(false);
    expect(store.recoveredFromCorruption).toBe(false);
    expect(store.language()).toBe('nl');
    expect(store.recent()).toEqual([]);
    expect(store.lastProject()).toBeNull();
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(false);
  });

  it('persists language, recent projects and the last project across reopening', () => {
    const dir = tmp.dir();
    const a = touch(dir, 'a.duiding');
    const store = openSettingsStore(dir, { now: () => new Date('2025-01-02T03:04:05Z') });
    store.setLanguage('en');
    store.recordOpened(a, 'Project A');

    const again = openSettingsStore(dir);
    expect(again.existedAtStart).toBe(true);
    expect(again.language()).toBe('en');
    expect(again.recent()).toEqual([{ path: a, name: 'Project A', openedAt: '2025-01-02T03:04:05.000Z' }]);
    expect(again.lastProject()).toBe(a);
  });

  it('keeps the most recent first, without duplicates, at most ten', () => {
    const dir = tmp.dir();
    const paths = Array.from({ length: 12 }, (_, i) => touch(dir, `p${i}.duiding`));
    const store = openSettingsStore(dir);
    for (const p of paths) store.recordOpened(p, '');
    store.recordOpened(paths[5]!, 'five again');

    const recent = openSettingsStore(dir).recent();
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toMatchObject({ path: paths[5], name: 'five again' });
    expect(recent.filter((r) => r.path === paths[5])).toHaveLength(1);
    expect(recent.slice(1).map((r) => r.path)).toEqual([11, 10, 9, 8, 7, 6, 4, 3, 2].map((i) => paths[i]));
  });

  it('uses the file name when a project has no name', () => {
    const dir = tmp.dir();
    const p = touch(dir, 'Interviews.duiding');
    const store = openSettingsStore(dir);
    store.recordOpened(p, '');
    expect(store.recent()[0]!.name).toBe('Interviews.duiding');
  });

  it('prunes projects whose files are gone, and forgets a missing last project', () => {
    const dir = tmp.dir();
    const kept = touch(dir, 'kept.duiding');
    const gone = join(dir, 'gone.duiding');
    const store = openSettingsStore(dir);
    store.recordOpened(kept, 'kept');
    store.recordOpened(gone, 'gone');
    expect(store.lastProject()).toBeNull();
    expect(store.recent().map((r) => r.path)).toEqual([kept]);
    // the pruned list is written back
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).recent).toHaveLength(1);
  });

  it('closing a project clears the project to reopen but keeps it in the recent list', () => {
    const dir = tmp.dir();
    const p = touch(dir, 'p.duiding');
    const store = openSettingsStore(dir);
    store.recordOpened(p, 'P');
    store.recordClosed();
    const again = openSettingsStore(dir);
    expect(again.lastProject()).toBeNull();
    expect(again.recent().map((r) => r.path)).toEqual([p]);
  });

  it.each([
    ['not JSON', '{"language": "en", '],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['empty', ''],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('falls back to defaults when the file is %s', (_label, contents) => {
    const dir = tmp.dir();
    writeFileSync(join(dir, SETTINGS_FILE), contents);
    const store = openSettingsStore(dir);
    expect(store.recoveredFromCorruption).toBe(true);
    expect(store.existedAtStart).toBe(true);
    expect(store.language()).toBe('nl');
    expect(store.recent()).toEqual([]);
    expect(store.lastProject()).toBeNull();
    // and it can write good settings over the damaged file
    store.setLanguage('en');
    expect(openSettingsStore(dir).language()).toBe('en');
  });

  it('keeps the good fields of a partly damaged file and drops bad recent entries', () => {
    const dir = tmp.dir();
    const p = touch(dir, 'good.duiding');
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({
      language: 'klingon',
      recent: [{ path: p, name: 'Good', openedAt: '2025-01-01T00:00:00.000Z' }, { path: 42 }, 'x', null],
      lastProject: 7,
    }));
    const store = openSettingsStore(dir);
    expect(store.language()).toBe('nl');
    expect(store.recent()).toEqual([{ path: p, name: 'Good', openedAt: '2025-01-01T00:00:00.000Z' }]);
    expect(store.lastProject()).toBeNull();
  });

  it('writes atomically: no temporary files stay behind and the file is always whole JSON', () => {
    const dir = tmp.dir();
    const store = openSettingsStore(dir);
    for (let i = 0; i < 20; i++) {
      store.setLanguage(i % 2 ? 'en' : 'nl');
      expect(() => JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))).not.toThrow();
    }
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('creates the userData folder if it does not exist yet', () => {
    const dir = join(tmp.dir(), 'nested', 'userData');
    openSettingsStore(dir).setLanguage('en');
    expect(openSettingsStore(dir).language()).toBe('en');
  });

  it('a failed write is reported, not thrown, and the settings stay in memory', () => {
    const dir = tmp.dir();
    mkdirSync(join(dir, SETTINGS_FILE)); // a folder where the file should go: rename fails
    const errors: unknown[] = [];
    const store = openSettingsStore(dir, { onWriteError: (err) => errors.push(err) });
    expect(() => store.setLanguage('en')).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(store.language()).toBe('en');
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]); // the temp file was cleaned up
  });
});

describe('writeFileAtomic', () => {
  it('throws (and leaves no temp file) when the target cannot be replaced', () => {
    const dir = tmp.dir();
    mkdirSync(join(dir, 'f.json', 'inside'), { recursive: true });
    expect(() => writeFileAtomic(join(dir, 'f.json'), 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('replaces the content of an existing file', () => {
    const dir = tmp.dir();
    const file = join(dir, 'f.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  // A read-only folder for root as well (chmod does not stop root): see test/helpers/read-only-dir.ts.
  it('leaves the old file untouched when writing fails', () => {
    const dir = tmp.dir();
    const file = join(dir, 'f.json');
    writeFileSync(file, 'old');
    const seen = inReadOnlyDir<{ error: string | null; content: string; files: string[] }>(dir, `
      const { writeFileAtomic } = await import(repo('src-main/electron/settings-store.ts'));
      const { readFileSync, readdirSync } = await import('node:fs');
      let error = null;
      try { writeFileAtomic(args.file, 'new'); } catch (err) { error = err.code; }
      return { error, content: readFileSync(args.file, 'utf8'), files: readdirSync(dir) };
    `, { file });
    expect(seen).toEqual({ error: 'EROFS', content: 'old', files: ['f.json'] });
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
