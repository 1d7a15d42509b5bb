// `import.run` (the CLI's import, issue 12 §2) parses and writes in one go: each
// file is written while the next ones are still being parsed. It must land
// exactly what a preview followed by a commit lands: the same transcripts in the
// given order, the same people, the same refusals, one undo step per file.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import type { FilePreview, ImportResult, ImportRunFile } from '../../../src-shared/contracts/import.ts';
import type { Result } from '../../../src-shared/errors.ts';
import { useTmp } from '../../helpers/tmp.ts';

const tmp = useTmp('duiding-import-run-');

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

/** Eight files: a shared respondent, a duplicate of the first, an empty file, and files large enough to parse out of order. */
function files(dir: string): string[] {
  const long = (i: number) => Array.from({ length: 40 + i * 30 }, (_, k) => `Interviewer: Vraag ${k} aan u.\n\nAnna: Antwoord ${k} over de wijk en de huisarts ${i}.`).join('\n\n');
  const texts = [long(5), long(1), long(5), '', long(3), 'Interviewer: Kort.\n\nBram: Ja.', long(0), long(2)];
  return texts.map((text, i) => {
    const path = join(dir, `gesprek-${i}.txt`);
    writeFileSync(path, text);
    return path;
  });
}

async function project(name: string) {
  const session = tmp.track(new Session());
  const dispatch = createDispatcher({ session });
  ok(await dispatch('project.new', { path: join(tmp.dir(), `${name}.duiding`), template: 'jzojp' }));
  const landed = () => ({
    sources: session.requireProject().sqlite.prepare('SELECT name, text FROM sources ORDER BY id').all(),
    turns: session.requireProject().sqlite.prepare(`SELECT s.name, t.start, t."end", t.is_interviewer, p.name AS person, p.perspective
      FROM turns t JOIN sources s ON s.id = t.source_id LEFT JOIN participants p ON p.id = t.participant_id ORDER BY t.id`).all(),
    people: session.requireProject().sqlite.prepare('SELECT name, perspective FROM participants ORDER BY id').all(),
    history: session.requireProject().sqlite.prepare('SELECT label, params FROM history ORDER BY id').all(),
  });
  return { session, dispatch, landed };
}

describe('import.run', () => {
  it('lands what preview and commit land, in the given order, with the same refusals', async () => {
    const dir = tmp.dir();
    const paths = files(dir);
    const maps = [{ label: 'Interviewer', target: { kind: 'interviewer' as const } }, { label: 'Anna', target: { kind: 'new' as const, name: 'Anna', perspective: 'inwoner' as const } }];

    const a = await project('run');
    const run = ok<ImportRunFile[]>(await a.dispatch('import.run', { paths, maps }));
    expect(run.map((f) => f.preview.fileName)).toEqual(paths.map((p) => p.split('/').pop()));

    const b = await project('twee-stappen');
    const previews = ok<FilePreview[]>(await b.dispatch('import.preview', { paths }));
    const byLabel = new Map(maps.map((m) => [m.label, m.target]));
    const results = ok<ImportResult[]>(await b.dispatch('import.commit', {
      items: previews.filter((p) => p.ok).map((p) => ({ token: p.token, speakers: (p.speakers ?? []).map((s) => ({ label: s.label, target: byLabel.get(s.label) ?? s.suggestion })) })),
    }));

    // The same rows, people and history.
    expect(a.landed()).toEqual(b.landed());
    expect(a.landed().sources).toHaveLength(6);
    // One Anna for all the files she speaks in.
    expect(a.landed().people.filter((p) => (p as { name: string }).name === 'Anna')).toEqual([{ name: 'Anna', perspective: 'inwoner' }]);
    // The same refusals, each naming its file: the empty file, and the repeat of the first.
    const failures = (list: { fileName: string; ok: boolean; error?: { code: string; message: string } }[]) =>
      list.filter((r) => !r.ok).map((r) => [r.fileName, r.error!.code, r.error!.message.includes(r.fileName) || r.error!.message.includes('gesprek-0')])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(failures(run.map((f) => (f.result ?? { ...f.preview, ok: false })))).toEqual(failures([...previews.filter((p) => !p.ok), ...results]));
    expect(failures(run.map((f) => f.result ?? { ...f.preview, ok: false })).map((f) => f[0])).toEqual(['gesprek-2.txt', 'gesprek-3.txt']);
    // The speakers each file was written with are reported with it.
    expect(run[0]!.speakers).toEqual(maps);
  });

  it('duplicates land when allowed; an unreadable path is one failed file, not a failed call', async () => {
    const dir = tmp.dir();
    const paths = files(dir);
    const a = await project('dubbel');
    const run = ok<ImportRunFile[]>(await a.dispatch('import.run', { paths: [...paths.slice(0, 3), join(dir, 'weg.txt')], allowDuplicates: true }));
    expect(run.map((f) => f.result?.ok ?? false)).toEqual([true, true, true, false]);
    expect(run[3]!.preview).toMatchObject({ ok: false, fileName: 'weg.txt' });
    expect(run[3]!.preview.error!.message).toContain('weg.txt');
    expect(a.landed().sources).toHaveLength(3);
  });
});
