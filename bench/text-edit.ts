// `node bench/text-edit.ts` — correcting one turn's text in a 300,000-character
// transcript with 2,000 codings, through the service on a real SQLite file:
// the whole undoable action (diff, re-anchoring every coding, later turns
// shifted, search index rewritten) and its undo. Figures to stdout and to
// bench/results/text-edit.json. Not a test: numbers depend on the machine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProjectDb } from '../src-main/db/open.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { undo } from '../src-main/history/record.ts';
import { editTurnText } from '../src-main/text-edit/edit-turn.ts';
import { createLongTranscriptProject } from './long-transcript.ts';

const RUNS = 21;

function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { median: round(s[Math.floor(s.length / 2)]!), p95: round(s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!) };
}

const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-textedit-'));
try {
  const long = createLongTranscriptProject(join(dir, 'long.duiding'));
  const db = openProjectDb(long.path);
  const coder = ensureUser(db, 'Onderzoeker');
  const turns = db.sqlite.prepare('SELECT id, start, "end" AS end FROM turns WHERE source_id = ? AND is_interviewer = 0 ORDER BY start').all(long.sourceId) as { id: number; start: number; end: number }[];
  const textOf = () => db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(long.sourceId) as string;
  const results: Record<string, unknown> = { characters: long.characters, turns: long.turns, codings: long.codings, runs: RUNS, node: process.version };

  const scenario = (name: string, pick: (i: number) => { id: number; start: number; end: number }, change: (s: string) => string) => {
    const edit: number[] = [];
    const back: number[] = [];
    let moved = 0;
    let lost = 0;
    for (let i = 0; i < RUNS; i++) {
      const turn = pick(i);
      const old = textOf().slice(turn.start, turn.end);
      const t0 = performance.now();
      const r = editTurnText(db, { sourceId: long.sourceId, turnId: turn.id, expectedText: old, text: change(old) }, coder);
      edit.push(performance.now() - t0);
      moved = r.moved;
      lost = r.lost;
      const t1 = performance.now();
      undo(db);
      back.push(performance.now() - t1);
    }
    results[name] = { editMs: stats(edit), undoMs: stats(back), movedCodings: moved, lostCodings: lost };
    process.stdout.write(`${name}: edit ${JSON.stringify(stats(edit))} ms, undo ${JSON.stringify(stats(back))} ms, ${moved} codings moved, ${lost} lost\n`);
  };

  // A letter added to a word in the first respondent turn: every coding after it shifts (worst case).
  scenario('typoEarlyTurn', () => turns[0]!, (s) => s.replace(/(\p{L}{4,})/u, '$1e'));
  // A word inserted in the last respondent turn: almost nothing moves.
  scenario('insertLateTurn', () => turns.at(-1)!, (s) => `Nou, ${s}`);
  // Half of a long turn in the middle deleted: codings inside it are lost, the rest shift.
  // The turn with the most codings inside its second half.
  const inside = db.sqlite.prepare('SELECT COUNT(*) FROM codings WHERE source_id = ? AND start >= ? AND "end" <= ?').pluck();
  const middle = turns.reduce((best, t) => {
    const n = (x: typeof t) => inside.get(long.sourceId, x.start + Math.ceil((x.end - x.start) / 2), x.end) as number;
    return n(t) > n(best) ? t : best;
  });
  scenario('deleteHalfTurn', () => middle, (s) => s.slice(0, Math.floor(s.length / 2)).replace(/\s+\S*$/, '.'));
  db.close();
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/text-edit.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
