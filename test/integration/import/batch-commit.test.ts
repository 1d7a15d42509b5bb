// One import batch through the real channels: state of a file that fails and
// rolls back must never leak into the files after it (issue 10 §4).
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { Session } from '../../../src-main/session.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import type { FilePreview, ImportResult } from '../../../src-shared/contracts/import.ts';
import type { Result } from '../../../src-shared/errors.ts';

const tmp = useTmp('duiding-batch-');

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

async function open() {
  const dir = tmp.dir();
  const session = new Session();
  tmp.track(session);
  const dispatch = createDispatcher({ session });
  await ok(dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'jzojp' }));
  return { dir, session, dispatch };
}

describe('one import batch', () => {
  it('does not reuse the participant ids of a file that failed and rolled back', async () => {
    const { dir, session, dispatch } = await open();
    const files = ['1-anna.txt', '2-carl.txt', '3-anna.txt'].map((name) => join(dir, name));
    writeFileSync(files[0]!, 'Anna: Eerste gesprek, over het bestuur.\n\nBen: Dat klopt.\n\nAnna: Zeker.\n\nBen: Goed.\n');
    writeFileSync(files[1]!, 'Carl: Ik woon hier al lang.\n\nCarl: En ik zie veel veranderen.\n');
    writeFileSync(files[2]!, 'Anna: Tweede gesprek, weer over het bestuur.\n\nAnna: Met andere woorden.\n');
    const previews = await ok<FilePreview[]>(dispatch('import.preview', { paths: files }));
    const anna = { kind: 'new', name: 'Anna', perspective: 'bestuurder' } as const;
    const results = await ok<ImportResult[]>(dispatch('import.commit', {
      items: [
        // Anna is created first, then Ben's mapping fails: the whole file rolls back.
        { token: previews[0]!.token, speakers: [{ label: 'Anna', target: anna }, { label: 'Ben', target: { kind: 'participant', participantId: 999 } }] },
        { token: previews[1]!.token, speakers: [{ label: 'Carl', target: { kind: 'new', name: 'Carl', perspective: 'inwoner' } }] },
        { token: previews[2]!.token, speakers: [{ label: 'Anna', target: anna }] },
      ],
    }));
    expect(results.map((r) => r.ok)).toEqual([false, true, true]);
    const turns = session.requireProject().sqlite.prepare(
      `SELECT s.name AS source, t.speaker_label AS label, p.name AS person, p.perspective
       FROM turns t JOIN sources s ON s.id = t.source_id LEFT JOIN participants p ON p.id = t.participant_id
       ORDER BY s.name, t.start`,
    ).all();
    expect(turns).toEqual([
      { source: '2-carl', label: 'Carl', person: 'Carl', perspective: 'inwoner' },
      { source: '2-carl', label: 'Carl', person: 'Carl', perspective: 'inwoner' },
      { source: '3-anna', label: 'Anna', person: 'Anna', perspective: 'bestuurder' },
      { source: '3-anna', label: 'Anna', person: 'Anna', perspective: 'bestuurder' },
    ]);
    expect(session.requireProject().sqlite.prepare('SELECT name FROM participants ORDER BY id').pluck().all()).toEqual(['Carl', 'Anna']);
  });
});

describe('batch mapping (issue 9 §8)', () => {
  it('never duplicates a participant silently: the same name is one person, in the batch and in the project, unless marked as distinct', async () => {
    const { dir, session, dispatch } = await open();
    const write = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const a = write('a.txt', 'Interviewer: Vraag?\n\nMarieke: Antwoord een.\n\nInterviewer: Nog een?\n\nMarieke: Antwoord twee.\n');
    const first = await ok<FilePreview[]>(dispatch('import.preview', { paths: [a] }));
    await ok(dispatch('import.commit', { items: [{ token: first[0]!.token, speakers: [{ label: 'Marieke', target: { kind: 'new', name: 'Marieke Hoekstra', perspective: 'zorgprofessional' } }] }] }));

    const b = write('b.txt', 'I: Vraag?\n\nMH: Ander antwoord.\n\nI: Nog een?\n\nMH: En nog een.\n');
    const c = write('c.txt', 'I: Vraag?\n\nMarieke H: Derde gesprek.\n\nI: Nog een?\n\nMarieke H: Klaar.\n');
    const d = write('d.txt', 'I: Vraag?\n\nMarieke: Een andere Marieke.\n\nI: Nog een?\n\nMarieke: Echt waar.\n');
    const previews = await ok<FilePreview[]>(dispatch('import.preview', { paths: [b, c, d] }));
    const results = await ok<ImportResult[]>(dispatch('import.commit', {
      items: [
        // Typed as a new participant, but the name exists: the same person.
        { token: previews[0]!.token, speakers: [{ label: 'MH', target: { kind: 'new', name: 'marieke hoekstra', perspective: 'zorgprofessional' } }] },
        { token: previews[1]!.token, speakers: [{ label: 'Marieke H', target: { kind: 'new', name: 'Marieke  Hoekstra', perspective: null } }] },
        // The user said: another person with that name.
        { token: previews[2]!.token, speakers: [{ label: 'Marieke', target: { kind: 'new', name: 'Marieke Hoekstra', perspective: 'inwoner', distinct: 'd.txt|marieke' } }] },
      ],
    }));
    expect(results.every((r) => r.ok)).toBe(true);
    const people = session.requireProject().sqlite.prepare(
      `SELECT p.name, p.perspective, count(t.id) AS turns FROM participants p JOIN turns t ON t.participant_id = p.id GROUP BY p.id ORDER BY p.id`,
    ).all();
    expect(people).toEqual([
      { name: 'Marieke Hoekstra', perspective: 'zorgprofessional', turns: 6 },
      { name: 'Marieke Hoekstra', perspective: 'inwoner', turns: 2 },
    ]);
  });

  it('names generic labels (R, Respondent 2) after their file, does not remember them, and flags a file that repeats another of the batch', async () => {
    const { dir, dispatch } = await open();
    const text = (answer: string) => `I: Hoe gaat het?\n\nR: ${answer}\n\nI: En verder?\n\nR: Ook goed.\n`;
    const paths = ['interview 1.txt', 'interview 2.txt', 'kopie.txt'].map((n, i) => {
      const p = join(dir, n);
      writeFileSync(p, text(i === 1 ? 'Anders.' : 'Goed.'));
      return p;
    });
    const previews = await ok<FilePreview[]>(dispatch('import.preview', { paths }));
    expect(previews.map((p) => p.speakers?.find((s) => s.label === 'R'))).toMatchObject([
      { generic: true, remembered: false, suggestion: { kind: 'new', name: 'R (interview 1)' } },
      { generic: true, suggestion: { kind: 'new', name: 'R (interview 2)' } },
      { generic: true, suggestion: { kind: 'new', name: 'R (kopie)' } },
    ]);
    expect(previews.map((p) => p.speakers?.find((s) => s.label === 'I')?.generic)).toEqual([false, false, false]);
    expect(previews.map((p) => p.duplicateInBatch ?? null)).toEqual([null, null, { token: previews[0]!.token, fileName: 'interview 1.txt' }]);
    await ok(dispatch('import.commit', { items: previews.slice(0, 2).map((p) => ({ token: p.token })) }));
    // The next import does not offer the first file's "R" for its own "R".
    const next = join(dir, 'interview 3.txt');
    writeFileSync(next, text('Nieuw.'));
    const [again] = await ok<FilePreview[]>(dispatch('import.preview', { paths: [next] }));
    expect(again!.speakers?.find((s) => s.label === 'R')).toMatchObject({ remembered: false, suggestion: { kind: 'new', name: 'R (interview 3)' } });
    expect(again!.speakers?.find((s) => s.label === 'I')).toMatchObject({ remembered: true, suggestion: { kind: 'interviewer' } });
  });
});
