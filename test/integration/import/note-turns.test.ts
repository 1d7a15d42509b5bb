// Stage directions imported as note turns (issue 9 §9, ADR 0016): stored as
// their own turn rows of kind 'note', with no participant and not as the
// interviewer; retrieval never takes a note for the speaker, and the matrix
// and co-occurrence never count one.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import type { FilePreview, ImportResult } from '../../../src-shared/contracts/import.ts';
import type { SourceDetail } from '../../../src-shared/contracts/sources.ts';
import type { SegmentList } from '../../../src-shared/contracts/codings.ts';
import type { Matrix } from '../../../src-shared/contracts/analysis.ts';
import type { Result } from '../../../src-shared/errors.ts';

const tmp = useTmp('duiding-notes-');

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

const VIDEO = [
  'MUZIEK',
  'Interviewer: Goedemiddag, fijn dat u',
  'er bent. Hoe ervaart u',
  'de samenwerking met',
  'de huisarts in de wijk?',
  'Marieke: Nou, dat is eerlijk gezegd',
  'heel wisselend. Soms',
  '[lacht]',
  'soms gaat het prima en',
  'soms hoor ik weken',
  'niets van de praktijk.',
  '(stilte)',
  'Interviewer: En wat zou er',
  'dan moeten veranderen?',
  'Marieke: Meer tijd om',
  'met elkaar te overleggen.',
].join('\n');

describe('note turns', () => {
  it('are stored without a speaker and never counted, retrieved or attributed', async () => {
    const dir = tmp.dir();
    const session = new Session();
    tmp.track(session);
    const dispatch = createDispatcher({ session });
    await ok(dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'jzojp' }));
    const file = join(dir, 'video.txt');
    writeFileSync(file, VIDEO);
    const [preview] = await ok<FilePreview[]>(dispatch('import.preview', { paths: [file] }));
    expect(preview).toMatchObject({ ok: true, turns: 5, notes: 3, lineBreaks: { detected: true, joined: true } });
    const [result] = await ok<ImportResult[]>(dispatch('import.commit', {
      items: [{ token: preview!.token, speakers: [
        { label: 'Interviewer', target: { kind: 'interviewer' } },
        { label: 'Marieke', target: { kind: 'new', name: 'Marieke', perspective: 'zorgprofessional' } },
      ] }],
    }));
    const source = await ok<SourceDetail>(dispatch('sources.get', { id: result!.sourceId! }));
    const notes = source.turns.filter((t) => t.kind === 'note');
    expect(notes.map((t) => [source.text.slice(t.start, t.end), t.participant, t.isInterviewer, t.speakerLabel])).toEqual([
      ['MUZIEK', null, false, ''], ['[lacht]', null, false, ''], ['(stilte)', null, false, ''],
    ]);

    const db = session.requireProject().sqlite;
    const code = db.prepare(`SELECT id FROM codes WHERE name = 'Domeinoverstijgende samenwerking'`).pluck().get() as number;
    const lacht = notes[1]!;
    const after = source.turns[source.turns.indexOf(lacht) + 1]!;
    // One coding starts on the note and runs into Marieke's words; one covers only a note.
    await ok(dispatch('codings.apply', { sourceId: source.id, codeId: code, ranges: [{ start: lacht.start, end: after.start + 4 }] }));
    await ok(dispatch('codings.apply', { sourceId: source.id, codeId: code, ranges: [{ start: notes[2]!.start, end: notes[2]!.end }] }));

    const list = await ok<SegmentList>(dispatch('codings.segments', { codeIds: [code] }));
    expect(list.segments.map((s) => [s.text, s.perspective])).toEqual([['[lacht]\n\nsoms', 'zorgprofessional'], ['(stilte)', null]]);

    const matrix = await ok<Matrix>(dispatch('analysis.matrix', { by: 'perspective' }));
    const row = matrix.rows.find((r) => r.codeId === code)!;
    const column = (key: string) => row.cells[matrix.columns.findIndex((c) => c.key === key)];
    expect(column('zorgprofessional')).toMatchObject({ segments: 1, participants: 1 });
    // The note-only coding is in no perspective's column and adds no participant.
    expect(row.cells.reduce((n, c) => n + c.participants, 0)).toBe(1);
  });
});
