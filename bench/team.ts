// `node bench/team.ts [-- --sources 500 --codings 5000]` — issue 15's speed
// target: merging a coder copy with 5,000 new codings and 50 codebook edits
// into the 500-transcript bench project (built as bench/run.ts builds it).
// Preview (change set derived from the copy + a rolled-back merge) and merge
// (derived again + the real merge, one transaction), plus writing and reading
// the .duiding-changes file. Figures to stdout and bench/results/team.json.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createProject } from '../src-main/services/project.ts';
import { openProjectDb } from '../src-main/db/open.ts';
import { addSource } from '../src-main/sources/sources.ts';
import { addParticipant } from '../src-main/participants/participants.ts';
import { codingInserter } from '../src-main/services/codings.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { updateCode, createCode } from '../src-main/services/codebook-edit.ts';
import { PERSPECTIVES } from '../src-shared/domain/perspectives.ts';
import { makeTranscript, pickRanges } from './corpus.ts';
import { makeCoderCopy } from '../src-main/team/copy.ts';
import { readChangeSetFile, writeChangeSetFile } from '../src-main/team/change-set.ts';
import { loadChangeSet } from '../src-main/team/load.ts';
import { mergeChangeSet } from '../src-main/team/merge.ts';

const { values } = parseArgs({ options: { sources: { type: 'string', default: '500' }, codings: { type: 'string', default: '5000' } } });
const N = Number(values.sources);
const CODINGS = Number(values.codings);

/** Wall-clock ms; the CPU ms of this process go to `cpu` (the machine is shared: wall time includes waiting for a core). */
const cpu: Record<string, number> = {};
let lastCpu = 0;
function time<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const c = process.cpuUsage(c0);
  lastCpu = Math.round((c.user + c.system) / 1000);
  return [result, Math.round(performance.now() - t0)];
}
const record = (name: string, ms: number) => {
  results[name] = ms;
  cpu[name] = lastCpu;
};

const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-team-'));
const results: Record<string, number | string> = { sources: N, newCodings: CODINGS, codebookEdits: 50, node: process.version };
try {
  const path = join(dir, 'bench.duiding');
  const db = createProject(path, { template: 'jzojp' });
  const corpus = Array.from({ length: N }, (_, i) => makeTranscript(i));
  const codeIds = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code'").pluck().all() as number[];
  const lead = ensureUser(db, 'bench');
  db.sqlite.transaction(() => {
    corpus.forEach((t, i) => {
      const ids = new Map(t.speakers.map((s) => [s, addParticipant(db, { name: s, perspective: PERSPECTIVES[i % 4]! })]));
      addSource(db, {
        name: t.name, text: t.text, originalFormat: 'txt',
        turns: t.turns.map((x) => ({ start: x.start, end: x.end, speakerLabel: x.speaker, isInterviewer: x.isInterviewer, participantId: ids.get(x.speaker) ?? null })),
      });
    });
  })();
  const sourceIds = db.sqlite.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[];
  // The main project already has the bench's 5,000 codings of the lead.
  const perSource = Math.ceil(CODINGS / N);
  const fill = (target: typeof db, coder: number, seed: number) => {
    const insert = codingInserter(target);
    target.sqlite.transaction(() => {
      let made = 0;
      corpus.forEach((t, i) => {
        for (const r of pickRanges(t, perSource, seed)) {
          if (made++ >= CODINGS) return;
          insert({ sourceId: sourceIds[i]!, codeId: codeIds[(made * seed) % codeIds.length]!, coderId: coder, ...r });
        }
      });
    })();
  };
  fill(db, lead, 7);

  const copyPath = join(dir, 'anna.duiding');
  const [, copyMs] = time(() => makeCoderCopy(db, copyPath, { coder: 'Anna' }));
  record('makeCopyMs', copyMs);
  results.copySizeMB = Math.round((statSync(copyPath).size / 1048576) * 10) / 10;
  db.close();

  // The coder's work: 5,000 new codings and 50 codebook edits (25 renames, 15 recolours, 10 new codes).
  const copy = openProjectDb(copyPath);
  const anna = ensureUser(copy, 'Anna');
  fill(copy, anna, 13);
  const allCodes = copy.sqlite.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
  const pick = (i: number) => allCodes[i % allCodes.length]!;
  for (let i = 0; i < 25; i++) updateCode(copy, pick(i), { name: `Hernoemd ${i}` }, anna);
  for (let i = 25; i < 40; i++) updateCode(copy, pick(i), { color: '#123456' }, anna);
  for (let i = 0; i < 10; i++) createCode(copy, { name: `Nieuw ${i}`, color: '#654321', parentId: null }, anna);
  copy.close();

  const main = openProjectDb(path);
  const [cs, deriveMs] = time(() => loadChangeSet(copyPath));
  record('deriveChangeSetMs', deriveMs);
  const file = join(dir, 'anna.duiding-changes');
  const [, writeMs] = time(() => writeChangeSetFile(file, cs));
  record('writeChangesFileMs', writeMs);
  results.changesFileMB = Math.round((statSync(file).size / 1048576) * 10) / 10;
  const [, readMs] = time(() => readChangeSetFile(file));
  record('readChangesFileMs', readMs);

  const [preview, previewMs] = time(() => mergeChangeSet(main, loadChangeSet(copyPath), { file: 'anna.duiding', dryRun: true }));
  record('previewMs', previewMs);
  results.previewAddedCodings = preview.added.codings;
  const [report, mergeMs] = time(() => mergeChangeSet(main, loadChangeSet(copyPath), { file: 'anna.duiding' }));
  record('mergeMs', mergeMs);
  results.mergedCodings = report.added.codings;
  results.mergedCodeChanges = report.changed.codes + report.added.codes;
  results.conflicts = report.conflicts.length;
  const [again, againMs] = time(() => mergeChangeSet(main, loadChangeSet(copyPath), { file: 'anna.duiding' }));
  record('mergeAgainMs', againMs);
  results.mergeAgainNoop = String(again.alreadyMerged);
  main.close();

  for (const [k, v] of Object.entries(cpu)) results[k.replace(/Ms$/, 'CpuMs')] = v;
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/team.json', `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
