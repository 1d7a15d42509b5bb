// Child process of the crash part of bench/safety.ts (issue 10): does one kind
// of real work through the app's own dispatcher in a loop and prints
// `ack N …` after each operation has committed, so the parent — which kills
// this process with SIGKILL at a random moment — knows what must survive.
//   node kill-child.ts import  PROJECT WORKDIR START  — import a small transcript per round, named imp-N
//   node kill-child.ts coding  PROJECT -       START  — apply a code to a range of a transcript (ack: coding id)
//   node kill-child.ts edit    PROJECT -       START  — correct the text of one turn to "[N] …"
//   node kill-child.ts export  PROJECT OUTDIR  START  — export the coded segments to OUTDIR/exp-N.csv (ack: bytes)
//   node kill-child.ts migrate FIXTURES OUTDIR START  — copy an old-schema fixture to OUTDIR/mig-N-vV.duiding and open it
//   node kill-child.ts saveas  PROJECT OUTDIR  START  — Save As OUTDIR/copy-N.duiding
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { loadMigrations } from '../../src-main/db/migrations.ts';

const [mode, target, dir, startArg] = process.argv.slice(2);
if (!mode || !target || !dir || !startArg) throw new Error('usage: kill-child.ts MODE PROJECT|FIXTURES DIR START');
const start = Number(startArg);
const say = (line: string) => process.stdout.write(`${line}\n`);
const session = new Session();
session.coder = 'Veiligheidstest';
const dispatch = createDispatcher({ session });

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const r = await dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** Every old schema version (a fixture each), up to the one before the latest. */
function fixtureVersions(): number[] {
  return Array.from({ length: loadMigrations().length - 1 }, (_, i) => i + 1);
}

if (mode === 'migrate') {
  const versions = fixtureVersions();
  say('ready');
  for (let n = start; ; n++) {
    const v = versions[n % versions.length]!;
    const path = join(dir, `mig-${n}-v${v}.duiding`);
    copyFileSync(join(target, `schema-v${v}.duiding`), path);
    session.open(path);
    say(`ack ${n}`);
    session.close();
  }
} else {
  await call('project.open', { path: target });
  const sqlite = () => session.requireProject().sqlite;
  const source = sqlite().prepare('SELECT id, length(text) AS len FROM sources ORDER BY id LIMIT 1').get() as { id: number; len: number };
  const codeIds = sqlite().prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
  say('ready');
  for (let n = start; ; n++) {
    if (mode === 'import') {
      const file = join(dir, `imp-${n}.txt`);
      writeFileSync(file, `Interviewer: Hoe gaat het, ronde ${n}?\n\nMarieke: Goed, dank u. Dit is gesprek ${n}.\n\nInterviewer: En de zorg dichtbij?\n\nMarieke: Die is er, meestal.\n`);
      const [preview] = await call<{ ok: boolean; token: string }[]>('import.preview', { paths: [file] });
      if (!preview?.ok) throw new Error('preview refused');
      const [result] = await call<{ ok: boolean }[]>('import.commit', { items: [{ token: preview.token, name: `imp-${n}`, speakers: [], allowDuplicate: true }] });
      if (!result?.ok) throw new Error('commit refused');
      say(`ack ${n}`);
    } else if (mode === 'coding') {
      const from = (n * 37) % Math.max(1, source.len - 60);
      const ids = await call<number[] | number>('codings.apply', {
        sourceId: source.id, codeId: codeIds[n % codeIds.length]!, ranges: [{ start: from, end: from + 20 + (n % 40) }],
      });
      say(`ack ${n} ${[ids].flat().join(',')}`);
    } else if (mode === 'edit') {
      const turn = sqlite().prepare('SELECT t.id, substr(s.text, t.start + 1, t."end" - t.start) AS text FROM turns t JOIN sources s ON s.id = t.source_id WHERE t.source_id = ? ORDER BY t.start LIMIT 1').get(source.id) as { id: number; text: string };
      const text = `[${n}] ${turn.text.replace(/^\[\d+\] /, '')}`;
      await call('transcript.editTurn', { sourceId: source.id, turnId: turn.id, expectedText: turn.text, text });
      say(`ack ${n}`);
    } else if (mode === 'export') {
      const out = await call<{ bytes: number }>('segments.export', { format: 'csv', path: join(dir, `exp-${n}.csv`) });
      say(`ack ${n} ${out.bytes}`);
    } else if (mode === 'saveas') {
      await call('project.saveAs', { path: join(dir, `copy-${n}.duiding`) });
      say(`ack ${n}`);
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
  }
}
