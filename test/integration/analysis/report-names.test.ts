// Issue 9 "done when": the names of the example project's participants in
// none of the six report formats and none of the segments exports, once the
// analyst has used the name check's one-click "replace with [rol]" — while
// the same passages do carry the names before that, so the check is real.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { useTmp } from '../../helpers/tmp.ts';
import { addTranscript } from '../../helpers/transcript.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { applyCoding, updateCoding } from '../../../src-main/services/coding-edit.ts';
import { findCodeByPath } from '../../../src-main/services/codebook.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { runCli } from '../../../src-main/cli/main.ts';
import { REPORT_FORMATS, type NamePlace } from '../../../src-shared/contracts/analysis.ts';
import type { Result } from '../../../src-shared/errors.ts';

const tmp = useTmp();

async function fileText(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  if (path.endsWith('.pdf')) return (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text;
  if (path.endsWith('.docx') || path.endsWith('.xlsx')) {
    return Object.entries(unzipSync(bytes)).filter(([f]) => f.endsWith('.xml')).map(([, b]) => strFromU8(b)).join('\n');
  }
  return strFromU8(bytes);
}

describe('no participant names in anonymised output', () => {
  it('all six report formats and the segments exports, after the one-click replacements', async () => {
    const path = join(tmp.dir(), 'Voorbeeld.duiding');
    const db = createExampleProject(path);
    const people = db.sqlite.prepare('SELECT id, name FROM participants').all() as { id: number; name: string }[];
    const id = (first: string) => people.find((p) => p.name.startsWith(first))!.id;
    // A follow-up talk with a file name that names the speaker, a passage that names two others,
    // a free-text role with a name in it, and a coder whose login is a person's name.
    const t = addTranscript(db, 'Vervolggesprek Jeroen Bosma', [
      { speaker: 'Interviewer', text: 'Hoe gaat het nu met de samenwerking?', interviewer: true },
      { speaker: 'Jeroen', text: 'Marieke Hoekstra en ik zitten elke week samen, en Sanne belt ons als er iets verandert in de contracten.', participantId: id('Jeroen') },
      { speaker: 'Jeroen', text: 'Wat Ineke vertelde over haar moeder, dat raakte me.', participantId: id('Jeroen') },
    ]);
    db.sqlite.prepare(`UPDATE participants SET role = 'directeur, opvolger van Sanne Oude Veldhuis' WHERE id = ?`).run(id('Jeroen'));
    const coder = ensureUser(db, 'Marieke Hoekstra');
    const together = findCodeByPath(db, ['Domeinoverstijgende samenwerking', 'Vertrouwen en gedeelde visie'])!;
    const [a] = applyCoding(db, { sourceId: t.sourceId, codeId: together, ranges: [t.ranges[1]!], coderId: coder });
    updateCoding(db, a!, { isKeyQuote: true }, coder);
    applyCoding(db, { sourceId: t.sourceId, codeId: findCodeByPath(db, ['Kwetsbare groepen', 'Overbelaste mantelzorg'])!, ranges: [t.ranges[2]!], coderId: coder });
    db.close();

    const names = people.flatMap((p) => [p.name, p.name.split(' ')[0]!, p.name.split(' ').slice(1).join(' ')]);
    const leaks = (text: string) => names.filter((n) => new RegExp(`(?<![\\p{L}])${n}(?![\\p{L}])`, 'u').test(text));

    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    const ok = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
      const r = (await dispatch(channel, payload)) as Result<T>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.data;
    };
    await ok('project.open', { path });
    const dir = tmp.dir();
    const codeIds = (session.requireProject().sqlite.prepare('SELECT id FROM codes').pluck().all() as number[]);

    // Before: the report and the segments export carry the names, and the checks list every place.
    await ok('analysis.exportReport', { format: 'md', path: join(dir, 'before.md') });
    expect(leaks(await fileText(join(dir, 'before.md')))).toEqual(expect.arrayContaining(['Marieke Hoekstra', 'Sanne']));
    const reportPlaces = await ok<NamePlace[]>('analysis.reportNames', { format: 'xlsx' });
    expect(reportPlaces.map((p) => p.names.map((n) => n.name))).toEqual(expect.arrayContaining([['Marieke Hoekstra', 'Sanne'], ['Ineke']]));
    const quote = reportPlaces.find((p) => p.names.some((n) => n.name === 'Sanne'))!;
    expect(quote.fix).toBe('[zorgprofessional] en ik zitten elke week samen, en [regulerende partij] belt ons als er iets verandert in de contracten.');
    expect(quote.where).toBe('Domeinoverstijgende samenwerking › Bestuurder');

    // The one click for each place: a stored, substituted edit.
    for (const p of reportPlaces) await ok('analysis.editQuote', { codingGuid: p.codingGuid, text: p.fix });
    expect(await ok<NamePlace[]>('analysis.reportNames', { format: 'xlsx' })).toEqual([]);
    const segmentQuery = { codeIds, mode: 'or' };
    for (const p of await ok<NamePlace[]>('segments.names', segmentQuery)) await ok('analysis.editQuote', { codingGuid: p.codingGuid, text: p.fix });
    expect(await ok<NamePlace[]>('segments.names', segmentQuery)).toEqual([]);

    // After: every format of the report (keyQuotesOnly and all segments) and both segments exports.
    for (const format of REPORT_FORMATS) {
      const file = join(dir, `rapport.${format}`);
      await ok('analysis.exportReport', { format, path: file });
      const text = await fileText(file);
      expect(text.length, format).toBeGreaterThan(500);
      expect(leaks(text), format).toEqual([]);
      expect(text, format).not.toContain('Vervolggesprek');
    }
    await ok('analysis.setReportSettings', { keyQuotesOnly: false });
    await ok('analysis.exportReport', { format: 'docx', path: join(dir, 'alles.docx') });
    const all = await fileText(join(dir, 'alles.docx'));
    expect(all).toContain('[regulerende partij] belt ons');
    expect(all).toContain('Wat [inwoner/patiënt] vertelde over haar moeder');
    expect(leaks(all)).toEqual([]);
    const xlsx = await fileText(join(dir, 'rapport.xlsx'));
    expect(xlsx).toContain('Transcript 4');
    expect(xlsx).not.toContain('opvolger van');
    for (const format of ['csv', 'xlsx'] as const) {
      const file = join(dir, `fragmenten.${format}`);
      await ok('segments.export', { ...segmentQuery, format, path: file });
      const text = await fileText(file);
      expect(text).toContain('Transcript 4');
      expect(leaks(text), `segments ${format}`).toEqual([]);
      expect(text).not.toMatch(/Vervolggesprek|opvolger van/);
    }
    // The substitutions are listed in the methods section.
    await ok('analysis.exportReport', { format: 'md', path: join(dir, 'alles.md') });
    const md = await fileText(join(dir, 'alles.md'));
    expect(md).toMatch(/In 2 citaten zijn woorden tussen vierkante haken door de onderzoekers vervangen, meestal om een naam weg te laten: .*\\\[zorgprofessional\\\]/);
    session.close();

    // The CLI warns about names too (on stderr), here: none left.
    const err: string[] = [];
    expect(await runCli(['report', path, '--format', 'md', '--out', join(dir, 'cli.md')], { out: () => undefined, err: (l) => err.push(l) })).toBe(0);
    expect(err).toEqual([]);
    expect(leaks(await fileText(join(dir, 'cli.md')))).toEqual([]);
  });
});
