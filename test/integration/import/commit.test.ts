// Writing parsed files into a project: participants, remembered mappings,
// turns, the search index, duplicates, and all-or-nothing per file.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createProject } from '../../../src-main/services/project.ts';
import { commitParsed } from '../../../src-main/import/commit.ts';
import { suggestTarget, speakerPreviews, findDuplicate } from '../../../src-main/import/preview.ts';
import type { ParsedFile } from '../../../src-main/import/parse-file.ts';
import { indexChunks } from '../../../src-main/search/index-source.ts';
import { stemsOf } from '../../../src-main/search/tokens.ts';
import { getSource } from '../../../src-main/sources/sources.ts';

const tmp = useTmp('duiding-commit-');

/** A parsed file as the worker would hand it over, built from labelled turns. */
function parsed(fileName: string, turns: [string | null, string][]): ParsedFile {
  let text = '';
  const out: ParsedFile['turns'] = [];
  for (const [label, body] of turns) {
    if (text) text += '\n\n';
    out.push({ start: text.length, end: text.length + body.length, label, timestampMs: null });
    text += body;
  }
  const labels = [...new Set(turns.map(([l]) => l).filter((l): l is string => l !== null))];
  return {
    path: `/tmp/${fileName}`, fileName, format: 'txt', size: text.length, fileHash: 'x',
    textHash: createHash('sha256').update(text).digest('hex'),
    encoding: { name: 'utf-8', confidence: 'certain', bom: false },
    text, turns: out, convention: 'colon-label', warnings: [],
    speakers: labels.map((label) => ({ label, turns: turns.filter(([l]) => l === label).length, characters: 0, sample: '' })),
    chunks: indexChunks(text, out).map((c) => ({ ...c, stems: stemsOf(text.slice(c.start, c.end)) })),
  };
}

function project() {
  return tmp.track(createProject(join(tmp.dir(), 'p.duiding'), { template: 'jzojp' }));
}

const INTERVIEW: [string | null, string][] = [
  [null, 'Transcript interview 3, april'],
  ['Interviewer', 'Hoe werken de huisartsen samen met de gemeente?'],
  ['Marieke', 'De huisarts belt het wijkteam als het nodig is.'],
  ['Interviewer', 'En de financiering?'],
  ['Marieke', 'Die is tijdelijk, dat is het probleem.'],
];

describe('commitParsed', () => {
  it('creates participants, turns with their speakers, remembered mappings and search rows in one go', () => {
    const db = project();
    const file = parsed('interview-3.txt', INTERVIEW);
    const id = commitParsed(db, file, {
      speakers: [
        { label: 'Interviewer', target: { kind: 'interviewer' } },
        { label: 'Marieke', target: { kind: 'new', name: 'Marieke Hoekstra', perspective: 'zorgprofessional', region: 'Heerenveen', role: 'wijkverpleegkundige' } },
      ],
    });
    const source = getSource(db, id);
    expect(source.name).toBe('interview-3');
    expect(source.originalFileName).toBe('interview-3.txt');
    expect(source.turns.map((t) => [t.speakerLabel, t.isInterviewer, t.participant?.name ?? null, t.participant?.perspective ?? null])).toEqual([
      ['', false, null, null],
      ['Interviewer', true, null, null],
      ['Marieke', false, 'Marieke Hoekstra', 'zorgprofessional'],
      ['Interviewer', true, null, null],
      ['Marieke', false, 'Marieke Hoekstra', 'zorgprofessional'],
    ]);
    for (const t of source.turns) expect(source.text.slice(t.start, t.end)).toBe(INTERVIEW[source.turns.indexOf(t)]![1]);
    const region = db.sqlite.prepare(
      `SELECT v.value FROM participant_values v JOIN attributes a ON a.id = v.attribute_id WHERE a.key = 'region'`,
    ).pluck().get();
    expect(region).toBe('Heerenveen');

    // Remembered: the next file from Marieke suggests her with one click.
    const next = suggestTarget(db, 'MARIEKE');
    expect(next.remembered).toBe(true);
    expect(next.target).toMatchObject({ kind: 'participant' });
    expect(suggestTarget(db, 'interviewer')).toEqual({ target: { kind: 'interviewer' }, remembered: true });

    // Indexed in the same transaction: a stem finds an inflection, diacritics fold.
    const hits = db.sqlite.prepare(`SELECT source_id FROM search_index WHERE search_index MATCH 'stems:financier'`).pluck().all();
    expect(hits).toEqual([id]);
    const folded = db.sqlite.prepare(`SELECT count(*) FROM search_index WHERE search_index MATCH 'body:tijdelijk'`).pluck().get();
    expect(folded).toBe(1);
  });

  it('refuses the same text twice unless allowed, and says which transcript has it', () => {
    const db = project();
    const file = parsed('a.txt', INTERVIEW);
    commitParsed(db, file, { speakers: [] });
    expect(findDuplicate(db, file.textHash)).toMatchObject({ name: 'a' });
    expect(() => commitParsed(db, { ...file, fileName: 'b.txt' }, { speakers: [] })).toThrowError(
      expect.objectContaining({ code: 'import.duplicate', params: { file: 'b.txt', existing: 'a' } }),
    );
    expect(commitParsed(db, { ...file, fileName: 'b.txt' }, { speakers: [], allowDuplicate: true })).toBeGreaterThan(0);
  });

  it('writes nothing when a file fails half-way (unknown participant)', () => {
    const db = project();
    const before = db.sqlite.prepare('SELECT (SELECT count(*) FROM sources) s, (SELECT count(*) FROM participants) p, (SELECT count(*) FROM speaker_mappings) m, (SELECT count(*) FROM search_index) f').get();
    expect(() => commitParsed(db, parsed('x.txt', INTERVIEW), {
      speakers: [
        { label: 'Interviewer', target: { kind: 'new', name: 'Iemand', perspective: null } },
        { label: 'Marieke', target: { kind: 'participant', participantId: 999 } },
      ],
    })).toThrowError(expect.objectContaining({ code: 'entity.not_found' }));
    const after = db.sqlite.prepare('SELECT (SELECT count(*) FROM sources) s, (SELECT count(*) FROM participants) p, (SELECT count(*) FROM speaker_mappings) m, (SELECT count(*) FROM search_index) f').get();
    expect(after).toEqual(before);
  });

  it('shares one new participant between files of one batch', () => {
    const db = project();
    const created = new Map<string, number>();
    const target = { kind: 'new' as const, name: 'Jansen', perspective: 'bestuurder' as const };
    commitParsed(db, parsed('1.txt', [['J', 'Eerste gesprek.']]), { speakers: [{ label: 'J', target }], created });
    commitParsed(db, parsed('2.txt', [['J', 'Tweede gesprek.']]), { speakers: [{ label: 'J', target }], created });
    expect(db.sqlite.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(1);
  });

  it('suggests the interviewer for interviewer labels, existing participants by name, else a new participant', () => {
    const db = project();
    for (const label of ['I', 'Int', 'Interviewer', 'INTERVIEWER', 'Onderzoeker', 'Interviewer 2']) {
      expect(suggestTarget(db, label).target).toEqual({ kind: 'interviewer' });
    }
    commitParsed(db, parsed('a.txt', [['Kees', 'Hallo.']]), { speakers: [{ label: 'Kees', target: { kind: 'new', name: 'Kees', perspective: 'inwoner' } }] });
    db.sqlite.prepare('DELETE FROM speaker_mappings').run();
    expect(suggestTarget(db, 'kees')).toMatchObject({ target: { kind: 'participant' }, remembered: false });
    expect(suggestTarget(db, 'Fatima')).toEqual({ target: { kind: 'new', name: 'Fatima', perspective: null }, remembered: false });
    const previews = speakerPreviews(db, parsed('b.txt', [['I', 'Vraag?'], ['Fatima', 'Antwoord.']]));
    expect(previews.map((p) => [p.label, p.suggestion.kind])).toEqual([['I', 'interviewer'], ['Fatima', 'new']]);
  });
});
