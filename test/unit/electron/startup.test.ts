import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { decideStartup, findProjectArg, type StartupFacts } from '../../../src-main/electron/startup.ts';
import { describeError } from '../../../src-main/log-safe.ts';

describe('findProjectArg', () => {
  it('finds a .duiding path, skipping the executable and switches', () => {
    expect(findProjectArg(['/opt/Duiding/duiding', '--no-sandbox', '/home/u/Studie.duiding'], '/tmp')).toBe('/home/u/Studie.duiding');
    expect(findProjectArg(['duiding', '/a/x.DUIDING'], '/tmp')).toBe('/a/x.DUIDING');
  });

  it('resolves a relative path against the working directory of the caller', () => {
    expect(findProjectArg(['duiding', 'sub/p.duiding'], '/home/u')).toBe(resolve('/home/u', 'sub/p.duiding'));
  });

  it('takes the last one and ignores everything else', () => {
    expect(findProjectArg(['e', '/a.duiding', '/b.duiding'], '/')).toBe('/b.duiding');
    expect(findProjectArg(['e', '.', '--inspect=9229', '--x=y.duiding', 'notes.txt'], '/')).toBeNull();
    expect(findProjectArg(['/weird/path.duiding'], '/')).toBeNull(); // argv[0] is the executable
    expect(findProjectArg([], '/')).toBeNull();
  });
});

describe('decideStartup', () => {
  const base: StartupFacts = {
    argPath: null, settingsExisted: true, lastProject: '/p/last.duiding', hasRecent: true,
    examplePath: '/ud/Voorbeeldproject.duiding', exampleExists: true,
  };

  it('a file named on the command line wins', () => {
    expect(decideStartup({ ...base, argPath: '/x.duiding', settingsExisted: false })).toEqual({ kind: 'open', path: '/x.duiding' });
  });

  it('first start (no settings) creates the example project and opens it', () => {
    expect(decideStartup({ ...base, settingsExisted: false, exampleExists: false, lastProject: null, hasRecent: false }))
      .toEqual({ kind: 'createExample', path: base.examplePath });
  });

  it('first start with the example already there opens it without recreating it', () => {
    expect(decideStartup({ ...base, settingsExisted: false, lastProject: null, hasRecent: false }))
      .toEqual({ kind: 'open', path: base.examplePath });
  });

  it('example missing and nothing recent counts as a first start', () => {
    expect(decideStartup({ ...base, exampleExists: false, hasRecent: false, lastProject: null }))
      .toEqual({ kind: 'createExample', path: base.examplePath });
  });

  it('otherwise reopens the last project', () => {
    expect(decideStartup(base)).toEqual({ kind: 'open', path: '/p/last.duiding' });
    expect(decideStartup({ ...base, exampleExists: false })).toEqual({ kind: 'open', path: '/p/last.duiding' });
  });

  it('with no last project (closed before quitting) shows the start screen', () => {
    expect(decideStartup({ ...base, lastProject: null })).toEqual({ kind: 'none' });
  });
});

describe('describeError', () => {
  it('keeps name, code and frames but never the message', () => {
    const err = Object.assign(new Error('Marieke: ik vond de wachttijd ellendig'), { code: 'SQLITE_BUSY' });
    const text = describeError(err);
    expect(text).toMatch(/^Error \[SQLITE_BUSY\]/);
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain('Marieke');
    expect(text).not.toContain('wachttijd');
  });

  it('describes non-errors by type only', () => {
    expect(describeError('geheime tekst')).toBe('string');
    expect(describeError(undefined)).toBe('undefined');
  });
});
