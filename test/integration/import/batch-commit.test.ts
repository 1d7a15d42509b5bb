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
