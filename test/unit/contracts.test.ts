import { describe, expect, it } from 'vitest';
import { APP_EVENTS, channels, ENTITY_TAGS, isChannel } from '../../src-shared/contracts/index.ts';
import { shellChannels } from '../../src-shared/contracts/shell.ts';
import { DomainError, ERROR_CODES } from '../../src-shared/errors.ts';
import { COMMAND_DEFS, isCommandId } from '../../src-shared/commands.ts';

describe('channel registry', () => {
  it('recognises declared channels only (no prototype keys)', () => {
    expect(isChannel('project.open')).toBe(true);
    expect(isChannel('sources.get')).toBe(true);
    expect(isChannel('shell.getLanguage')).toBe(true);
    for (const name of ['nope', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) expect(isChannel(name)).toBe(false);
  });

  it('every channel name is feature.action and every shell channel starts with shell.', () => {
    for (const name of Object.keys(channels)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    for (const name of Object.keys(shellChannels)) expect(name.startsWith('shell.')).toBe(true);
  });

  it('declares project.changed and the entity tags', () => {
    expect(APP_EVENTS).toContain('project.changed');
    expect(new Set(ENTITY_TAGS).size).toBe(ENTITY_TAGS.length);
  });
});

describe('input schemas', () => {
  const parse = (name: keyof typeof channels, payload: unknown) => channels[name].input.safeParse(payload);

  it('project.new accepts the two templates and refuses others', () => {
    expect(parse('project.new', { path: '/tmp/a.duiding', template: 'jzojp' }).success).toBe(true);
    expect(parse('project.new', { path: '/tmp/a.duiding', template: 'empty', name: 'Studie' }).success).toBe(true);
    expect(parse('project.new', { path: '/tmp/a.duiding', template: 'bogus' }).success).toBe(false);
    expect(parse('project.new', { path: '', template: 'jzojp' }).success).toBe(false);
    expect(parse('project.new', { path: '/tmp/a.duiding', template: 'jzojp', name: '   ' }).success).toBe(false);
    expect(parse('project.new', { path: 'x'.repeat(4097), template: 'jzojp' }).success).toBe(false);
  });

  it('project.new trims the name', () => {
    const r = parse('project.new', { path: '/a', template: 'jzojp', name: '  Studie  ' });
    expect(r.success && (r.data as { name?: string }).name).toBe('Studie');
  });

  it('sources.get needs a positive integer id and nothing else', () => {
    expect(parse('sources.get', { id: 1 }).success).toBe(true);
    for (const id of [0, -1, 1.5, '1', null, Number.NaN]) expect(parse('sources.get', { id }).success).toBe(false);
    expect(parse('sources.get', {}).success).toBe(false);
    expect(parse('sources.get', { id: 1, extra: true }).success).toBe(false);
  });

  it('codebook.list accepts an optional perspective', () => {
    expect(parse('codebook.list', {}).success).toBe(true);
    expect(parse('codebook.list', { perspective: 'bestuurder' }).success).toBe(true);
    expect(parse('codebook.list', { perspective: 'Bestuurder' }).success).toBe(false);
  });

  it('empty strict inputs refuse extra keys', () => {
    for (const name of ['project.close', 'project.current', 'project.info', 'sources.list', 'participants.list', 'attributes.list'] as const) {
      expect(parse(name, {}).success, name).toBe(true);
      expect(parse(name, { x: 1 }).success, name).toBe(false);
    }
  });

  it('shell.setLanguage accepts nl and en only', () => {
    expect(parse('shell.setLanguage', { language: 'en' }).success).toBe(true);
    expect(parse('shell.setLanguage', { language: 'de' }).success).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries code and params', () => {
    const err = new DomainError('project.locked', { file: 'a.duiding' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('DomainError');
    expect(err.code).toBe('project.locked');
    expect(err.params).toEqual({ file: 'a.duiding' });
    expect(new DomainError('no_project').params).toEqual({});
  });

  it('error codes are unique', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});

describe('command registry', () => {
  it('ids are unique and recognised', () => {
    const ids = COMMAND_DEFS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isCommandId(id)).toBe(true);
    expect(isCommandId('nope')).toBe(false);
  });

  it('accelerators are not used twice', () => {
    const accels = COMMAND_DEFS.flatMap((c) => ('accelerator' in c ? [c.accelerator] : []));
    expect(new Set(accels).size).toBe(accels.length);
  });
});

describe('path fields', () => {
  // A relative path would resolve against wherever main runs (the repository,
  // the app folder): every channel's path field must use the shared filePath.
  it('every channel with a path or paths field refuses a relative path', () => {
    const withPath = Object.entries(channels as Record<string, { input: { shape?: Record<string, unknown>; safeParse: (v: unknown) => { success: boolean } } }>)
      .filter(([, c]) => c.input.shape && ('path' in c.input.shape || 'paths' in c.input.shape));
    expect(withPath.length).toBeGreaterThan(10);
    for (const [name, c] of withPath) {
      const shape = c.input.shape!;
      const probe = (p: string) => ('paths' in shape ? { paths: [p] } : { path: p });
      // Only the path key is judged: other missing keys fail too, so compare the path issues.
      const issues = (v: unknown) => {
        const r = (c.input as unknown as { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: (string | number)[] }[] } } }).safeParse(v);
        return r.success ? [] : r.error!.issues.filter((i) => i.path[0] === 'path' || i.path[0] === 'paths');
      };
      expect(issues(probe('x.csv')).length, `${name} accepts a relative path`).toBeGreaterThan(0);
      expect(issues(probe('/tmp/x.csv')).length, `${name} refuses an absolute path`).toBe(0);
    }
  });
});
