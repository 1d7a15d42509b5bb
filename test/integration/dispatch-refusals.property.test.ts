// Issue 10 §16: a refused call changes nothing. Thousands of random, mostly
// malformed calls to every channel go through the real dispatch against a
// real example project; after each refused call the project file and its WAL
// were not written at all (size and modification time to the nanosecond) and
// no file appeared or vanished beside it. No call, however malformed, may end
// as 'internal'.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { channels } from '../../src-shared/contracts/index.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmp = useTmp('duiding-refusals-');
const RUNS_PER_CHANNEL = Number(process.env.DUIDING_REFUSAL_RUNS ?? 50);

/** A PDF printer that needs no browser: these tests are about refusals, not printing. */
const tinyPdf = async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

function layout() {
  const dir = tmp.dir();
  const project = join(dir, 'p.duiding');
  createExampleProject(project).close();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'interview.txt'), 'Interviewer: Hoe gaat het?\n\nMarieke: Goed, dank u.\n');
  return { dir, project };
}

/**
 * Every file in the folder (recursively, by name) with its size and modification
 * time in nanoseconds, project and WAL included: any write at all — even of
 * the same bytes — changes it. Cheap enough to take around every call.
 */
function snapshot(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const st = statSync(join(d, name), { bigint: true });
      parts.push(`${prefix}${name} ${st.size} ${st.mtimeNs}`);
      if (st.isDirectory() && name === 'sub') walk(join(d, name), `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return parts.join('\n');
}

function arbitraries(dir: string, project: string) {
  const id = fc.oneof(
    fc.constantFrom(1, 2, 3, 5, 8, 13, 35, 200, 999_999),
    fc.integer({ min: -3, max: 60 }),
    fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2),
  );
  const text = fc.oneof(
    fc.constantFrom('', ' ', 'x', 'Naam', 'huisarts', 'a\u0000b', '=1+1', 'é😀', '\u001b[31m', 'a'.repeat(300)),
    fc.string({ maxLength: 40 }),
  );
  const name = fc.string({ minLength: 1, maxLength: 12 }).map((n) => n.replace(/[/\\]/g, '_'));
  const path = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        project, `${project}-wal`, `${project}.backup-v1-x`, `${dir}/./p.duiding`, `${dir}/sub/../p.duiding`,
        join(dir, 'interview.txt'), join(dir, 'sub'), dir, join(dir, 'nope', 'x.csv'), join(dir, 'ander.duiding'),
        'p.duiding', './x.csv', '', `/${'a'.repeat(5000)}`,
      ),
    },
    // NUL bytes: SQLite and libuv would cut the path there (a stray file under the shorter name).
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(`${join(dir, 'kopie.duiding')}\u0000.txt`, `${project}\u0000`, `${join(dir, 'out.csv')}\u0000.txt`, 'x\u0000y'),
        fc.tuple(name, name).map(([x, y]) => `${join(dir, x)}\u0000${y}`),
      ),
    },
    { weight: 2, arbitrary: name.map((n) => join(dir, n)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, // relative or odd: refused by the contract
  );
  const range = fc.record({ start: id, end: id });
  const wild = fc.oneof(text, id, fc.boolean(), fc.constant(null), fc.anything({ maxDepth: 2 }));
  /** A value of the type the key usually has (so calls get past the contract into the services). */
  const plausible = (key: string): fc.Arbitrary<unknown> => {
    if (key === 'path') return path;
    if (key === 'paths') return fc.array(path, { minLength: 1, maxLength: 2 });
    if (/^(ids|codeIds|codingIds|sourceIds|omitQuotes)$/.test(key)) return fc.array(id, { minLength: 1, maxLength: 3 });
    if (/(^id$|Id$|^a$|^b$|^index$|^start$|^end$|^limit$|^context$)/.test(key)) return id;
    if (key === 'ranges' || key === 'hits') return fc.array(range, { minLength: 1, maxLength: 3 });
    if (key === 'target') return fc.record({ kind: fc.constantFrom('project', 'source', 'code', 'coding', 'participant'), id });
    if (key === 'format') return fc.constantFrom('csv', 'xlsx', 'docx', 'pdf', 'html', 'md', 'svg', 'png');
    if (key === 'color') return fc.constantFrom('#aa3300', '#AA3300', 'red');
    if (key === 'data') return fc.constantFrom('<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'iVBORw0KGgo=', 'x');
    if (key === 'template') return fc.constantFrom('jzojp', 'empty');
    if (key === 'mode') return fc.constantFrom('or', 'and', 'overlap', 'turn');
    if (key === 'language') return fc.constantFrom('nl', 'en');
    if (key === 'by') return fc.constantFrom('perspective', 'region', 'source');
    if (key === 'extent') return fc.constantFrom('match', 'sentence', 'turn');
    if (key === 'tag') return fc.constantFrom('aligns', 'contradicts');
    if (key === 'options' || key === 'filter' || key === 'encodings' || key === 'thresholds') return fc.constant({});
    if (key === 'speakers') return fc.constant({ kind: 'auto' });
    if (key === 'charts' || key === 'items' || key === 'quoteEdits') return fc.constant([]);
    if (/^(is|with|keyQuotes|anonymise|interviewer|countsInWords)/.test(key)) return fc.boolean();
    if (/^(parentId|perspective|region|participantId)$/.test(key)) return fc.oneof(fc.constant(null), id, text);
    return text;
  };
  const payloadFor = (keys: string[]): fc.Arbitrary<unknown> => fc.oneof(
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    // Keys missing, wrong types, an extra key.
    {
      weight: 2,
      arbitrary: fc.tuple(
        fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(plausible(k), wild)])), { requiredKeys: [] }),
        fc.option(fc.dictionary(fc.string({ maxLength: 6 }), wild, { maxKeys: 1 }), { freq: 3 }),
      ).map(([base, extra]) => ({ ...base, ...(extra ?? {}) })),
    },
    // Well-formed, with odd values: unknown ids, bad ranges, hostile paths and text.
    { weight: 5, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, plausible(k)]))) },
  );
  return { payloadFor };
}

function keysOf(channel: string): string[] {
  const schema = (channels as Record<string, { input: { shape?: Record<string, unknown> } }>)[channel]!.input;
  return schema.shape ? Object.keys(schema.shape) : [];
}

describe('refused calls change nothing (random calls to every channel through dispatch)', () => {
  it(`every channel, ${RUNS_PER_CHANNEL} random calls each: refused → project, WAL and folder not written; never 'internal'`, async () => {
    const { dir, project } = layout();
    const session = tmp.track(new Session());
    const internals: string[] = [];
    const dispatch = createDispatcher({
      session, printPdf: tinyPdf,
      onInternalError: (channel, err) => internals.push(`${channel}: ${err instanceof Error ? err.stack : String(err)}`),
    });
    let last: string | null = null;
    const reopen = async () => {
      if (session.project?.path === project) return;
      expect((await dispatch('project.open', { path: project })).ok).toBe(true);
      last = null;
    };
    await reopen();
    const { payloadFor } = arbitraries(dir, project);
    const stats = { calls: 0, refused: 0, passedContract: 0, byCode: new Map<string, number>() };

    for (const channel of Object.keys(channels)) {
      await fc.assert(
        fc.asyncProperty(payloadFor(keysOf(channel)), async (payload) => {
          await reopen();
          // A coder this project has never seen: a refused write must not leave it behind in users.
          session.setCoder(`Codeur ${stats.calls}`);
          // The state after the last refused call is the state before this one (checked); recompute only after a success.
          const before = last ?? snapshot(dir);
          const result = await dispatch(channel, payload);
          stats.calls += 1;
          if (result.ok) {
            last = null;
            return;
          }
          stats.refused += 1;
          if (result.error.code !== 'invalid_input') stats.passedContract += 1;
          stats.byCode.set(result.error.code, (stats.byCode.get(result.error.code) ?? 0) + 1);
          expect(result.error.code, `${channel} ${JSON.stringify(payload)?.slice(0, 300)}: ${result.error.message}`).not.toBe('internal');
          expect(result.error.message.length).toBeGreaterThan(5);
          // Refused: not one byte of the project, not one file beside it changed.
          last = snapshot(dir);
          expect(last, `${channel} changed the project: ${JSON.stringify(payload)?.slice(0, 300)}`).toBe(before);
        }),
        // A preview parses in worker threads (about a second each here); its refusals are mostly the contract's.
        { numRuns: channel === 'import.preview' ? Math.ceil(RUNS_PER_CHANNEL / 4) : RUNS_PER_CHANNEL, seed: Number(process.env.DUIDING_REFUSAL_SEED ?? 20261123) },
      );
    }
    expect(internals).toEqual([]);
    process.stdout.write(`refusals: ${stats.calls} calls, ${stats.refused} refused (${stats.passedContract} past the contract): ${
      JSON.stringify(Object.fromEntries([...stats.byCode].sort((a, b) => b[1] - a[1])))}\n`);
    // The generator reaches the services, not only the contracts.
    expect(stats.passedContract).toBeGreaterThan(stats.calls / 10);
  }, 600_000);

  it('a refused codings call leaves no coder behind', async () => {
    const { project } = layout();
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    expect((await dispatch('project.open', { path: project })).ok).toBe(true);
    const users = () => session.requireProject().sqlite.prepare('SELECT name FROM users ORDER BY id').pluck().all();
    const before = users();
    for (const [channel, payload] of [
      ['codings.apply', { sourceId: 999, codeId: 1, ranges: [{ start: 0, end: 5 }], coder: 'Nieuwe Codeur' }],
      ['codings.apply', { sourceId: 1, codeId: 999, ranges: [{ start: 0, end: 5 }], coder: 'Nieuwe Codeur' }],
      ['codings.remove', { ids: [999_999] }],
      ['codings.update', { id: 999_999, isKeyQuote: true }],
      ['codings.inVivo', { sourceId: 999, start: 0, end: 3 }],
      ['codebook.delete', { id: 999_999 }],
      ['memos.delete', { id: 999_999 }],
    ] as const) {
      session.setCoder('Nieuwe Codeur');
      const result = await dispatch(channel, payload);
      expect(result.ok, channel).toBe(false);
      expect(users(), channel).toEqual(before);
    }
  });

  it('a NUL byte in a path is invalid_input with a clear message, and no file appears', async () => {
    const { dir, project } = layout();
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, language: () => 'en' });
    expect((await dispatch('project.open', { path: project })).ok).toBe(true);
    const files = readdirSync(dir).sort();
    for (const [channel, payload] of [
      ['project.saveAs', { path: join(dir, 'kopie.duiding\u0000.txt') }],
      ['project.new', { path: join(dir, 'nieuw\u0000.duiding'), template: 'empty' }],
      ['project.open', { path: `${project}\u0000` }],
      ['segments.export', { codeIds: [1], format: 'csv', path: join(dir, 'x\u0000.csv') }],
      ['analysis.saveChart', { format: 'svg', data: '<svg></svg>', path: join(dir, 'c\u0000.svg') }],
      ['import.preview', { paths: [join(dir, 'interview.txt\u0000')] }],
    ] as const) {
      const result = await dispatch(channel, payload);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) expect(result.error.message, channel).toContain('the path contains a NUL character');
    }
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(session.project?.path).toBe(project);
  });

  it('the open project under another spelling is the same project, not "open in another window"', async () => {
    const { dir, project } = layout();
    const { symlinkSync } = await import('node:fs');
    symlinkSync(project, join(dir, 'link.duiding'));
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    expect((await dispatch('project.open', { path: project })).ok).toBe(true);
    for (const spelling of [`${dir}/./p.duiding`, `${dir}/sub/../p.duiding`, join(dir, 'link.duiding'), `${dir}//p.duiding`]) {
      const result = await dispatch('project.open', { path: spelling });
      expect(result, spelling).toMatchObject({ ok: true, data: { path: project } });
    }
  });
});
