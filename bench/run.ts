// `npm run bench [-- --sources 500 --codings 5000]`
// Service-level benchmarks on a real SQLite file. Figures go to stdout and to
// bench/results/latest.json. Not a test: numbers depend on the machine.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createProject, projectInfo } from '../src-main/services/project.ts';
import { openProjectDb } from '../src-main/db/open.ts';
import { addSource } from '../src-main/sources/sources.ts';
import { addParticipant } from '../src-main/participants/participants.ts';
import { codingInserter } from '../src-main/services/codings.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { listCodes } from '../src-main/services/codebook.ts';
import { PERSPECTIVES } from '../src-shared/domain/perspectives.ts';
import { makeTranscript, pickRanges } from './corpus.ts';
import { searchText, type SearchOptions } from '../src-main/search/search.ts';
import { textCache } from '../src-main/search/texts.ts';
import { applyCoding, removeCodings } from '../src-main/services/coding-edit.ts';
import { buildMatrix } from '../src-main/analysis/matrix.ts';
import { listSegments } from '../src-main/services/segments.ts';
import { exportSegments } from '../src-main/exports/segments-export.ts';

const { values } = parseArgs({ options: { sources: { type: 'string', default: '500' }, codings: { type: 'string', default: '5000' }, keep: { type: 'string' } } });
const N = Number(values.sources);
const CODINGS = Number(values.codings);

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-'));
const results: Record<string, number | string> = { sources: N, codings: CODINGS, node: process.version };
try {
  // 1. Project creation from the JZOJP template (median of 5 fresh files).
  const createTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [db, ms] = time(() => createProject(join(dir, `create-${i}.duiding`), { template: 'jzojp' }));
    db.close();
    createTimes.push(ms);
  }
  results.createProjectMs = median(createTimes);

  // 2. Fill a project: N transcripts of ~8,000 words with turns, CODINGS codings.
  const path = join(dir, 'bench.duiding');
  const db = createProject(path, { template: 'jzojp' });
  const [corpus, genMs] = time(() => Array.from({ length: N }, (_, i) => makeTranscript(i)));
  // The synthetic vocabulary is small and uniform, so every word is common. For a
  // rare word, every 25th transcript says "triage" once instead of "budget" (same length: turns stay put).
  corpus.forEach((t, i) => {
    if (i % 25 === 0) t.text = t.text.replace(/\bbudget\b/, 'triage');
  });
  results.generateCorpusMs = genMs;
  results.corpusWords = corpus.reduce((n, t) => n + t.text.split(/\s+/).length, 0);
  const codeIds = (db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code'").pluck().all() as number[]);
  const coder = ensureUser(db, 'bench');
  const [, fillSourcesMs] = time(() =>
    db.sqlite.transaction(() => {
      corpus.forEach((t, i) => {
        const ids = new Map(t.speakers.map((s) => [s, addParticipant(db, { name: s, perspective: PERSPECTIVES[i % 4]! })]));
        addSource(db, {
          name: t.name, text: t.text, originalFormat: 'txt',
          turns: t.turns.map((x) => ({ start: x.start, end: x.end, speakerLabel: x.speaker, isInterviewer: x.isInterviewer, participantId: ids.get(x.speaker) ?? null })),
        });
      });
    })(),
  );
  results.insertSourcesMs = fillSourcesMs;
  const sourceIds = db.sqlite.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[];
  const perSource = Math.ceil(CODINGS / N);
  const insert = codingInserter(db);
  const [, fillCodingsMs] = time(() =>
    db.sqlite.transaction(() => {
      let made = 0;
      corpus.forEach((t, i) => {
        for (const r of pickRanges(t, perSource)) {
          if (made++ >= CODINGS) return;
          insert({ sourceId: sourceIds[i]!, codeId: codeIds[made % codeIds.length]!, coderId: coder, ...r });
        }
      });
    })(),
  );
  results.insertCodingsMs = fillCodingsMs;
  db.close();
  results.fileSizeMB = Math.round((statSync(path).size / 1048576) * 10) / 10;

  // 3. Open: the file check, lock and migration check, then what the window asks first.
  const openTimes: number[] = [];
  const infoTimes: number[] = [];
  const codesTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [opened, openMs] = time(() => openProjectDb(path));
    const [, infoMs] = time(() => projectInfo(opened));
    const [, codesMs] = time(() => listCodes(opened));
    opened.close();
    openTimes.push(openMs);
    infoTimes.push(infoMs);
    codesTimes.push(codesMs);
  }
  results.openProjectMs = median(openTimes);
  results.projectInfoMs = median(infoTimes);
  results.codebookWithCountsMs = median(codesTimes);

  // 4. Full-text search, each query on a freshly opened file: the first search
  // (cold: no texts cached yet), then the median of 20 more, then the median of
  // 5 that each follow a write. Hits are capped at the default limit of 1000
  // ("1000+" = truncated).
  const searches: [string, SearchOptions][] = [
    ['Common', { query: 'huisarts' }],
    ['Rare', { query: 'triage' }],
    ['Phrase', { query: '"sociaal domein"' }],
    ['Prefix', { query: 'financ*' }],
    ['And', { query: 'huisarts gemeente' }],
    ['OrNot', { query: 'ziekenhuis OF wachtlijst -budget' }],
    ['Perspective', { query: 'huisarts', perspective: 'bestuurder' }],
    ['RarePerspective', { query: 'triage', perspective: 'zorgprofessional' }],
    ['Absent', { query: 'coördinatie' }],
  ];
  let cacheUnits = 0;
  for (const [name, options] of searches) {
    const searchDb = openProjectDb(path);
    const [first, coldMs] = time(() => searchText(searchDb, options));
    let hits = first;
    const ms: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [result, t] = time(() => searchText(searchDb, options));
      hits = result;
      ms.push(t);
    }
    // After any write (a coding, say) texts stay cached, the rest is read again.
    const touch = searchDb.sqlite.prepare('UPDATE project SET updated_at = updated_at WHERE id = 1');
    const afterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      touch.run();
      afterWrite.push(time(() => searchText(searchDb, options))[1]);
    }
    cacheUnits = Math.max(cacheUnits, textCache(searchDb.sqlite).size);
    searchDb.close();
    results[`search${name}Ms`] = median(ms);
    results[`search${name}ColdMs`] = coldMs;
    results[`search${name}AfterWriteMs`] = median(afterWrite);
    results[`search${name}Hits`] = hits.truncated ? `${hits.hits.length}+` : hits.hits.length;
  }
  results.searchTextCacheMB = Math.round((cacheUnits * 2) / 1048576);

  // 5. One coding applied and removed through the service the app calls
  // (validation, one undoable action with its undo-log rows, one transaction),
  // on the full file with 5,000 codings: median and 95th percentile of 200 each.
  {
    const codingDb = openProjectDb(path);
    const coder = ensureUser(codingDb, 'bench');
    const codeIds = codingDb.sqlite.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
    const sourceIds = codingDb.sqlite.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[];
    const applyMs: number[] = [];
    const removeMs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const sourceId = sourceIds[(i * 7) % sourceIds.length]!;
      const start = 100 + i * 13;
      const [ids, a] = time(() => applyCoding(codingDb, { sourceId, codeId: codeIds[i % codeIds.length]!, ranges: [{ start, end: start + 40 }], coderId: coder }));
      applyMs.push(a);
      removeMs.push(time(() => removeCodings(codingDb, ids, coder))[1]);
    }
    const p95 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * 0.95)]!;
    results.applyCodingMs = median(applyMs);
    results.applyCodingP95Ms = p95(applyMs);
    results.removeCodingMs = median(removeMs);
    results.removeCodingP95Ms = p95(removeMs);
    codingDb.close();
  }
  // 6. The code × perspective (and × transcript) matrix, median of 10 on a freshly opened file.
  {
    const matrixDb = openProjectDb(path);
    const byPerspective: number[] = [];
    const bySource: number[] = [];
    for (let i = 0; i < 10; i++) {
      byPerspective.push(time(() => buildMatrix(matrixDb, 'perspective'))[1]);
      bySource.push(time(() => buildMatrix(matrixDb, 'source'))[1]);
    }
    results.matrixByPerspectiveMs = median(byPerspective);
    results.matrixBySourceMs = median(bySource);
    matrixDb.close();
  }
  // 7. Retrieval: every coding of every code (OR) with 120 characters of
  // context and speaker attribution, as the retrieval view asks for it; the
  // first call on a freshly opened file, then the median of 10. Then the same
  // list exported to CSV and XLSX (render + atomic write), median of 3.
  {
    const retrievalDb = openProjectDb(path);
    const allCodes = retrievalDb.sqlite.prepare('SELECT DISTINCT code_id FROM codings').pluck().all() as number[];
    const query = { codeIds: allCodes, mode: 'or' as const, filter: {}, anonymise: true, context: 120, limit: 10_000 };
    const [first, coldMs] = time(() => listSegments(retrievalDb, query));
    const ms: number[] = [];
    for (let i = 0; i < 10; i++) ms.push(time(() => listSegments(retrievalDb, query))[1]);
    results.segmentsRetrieved = first.total;
    results.segmentsColdMs = coldMs;
    results.segmentsMs = median(ms);
    const two = { ...query, codeIds: allCodes.slice(0, 2) };
    const and: number[] = [];
    for (let i = 0; i < 10; i++) and.push(time(() => listSegments(retrievalDb, { ...two, mode: 'and' }))[1]);
    results.segmentsAndTwoCodesMs = median(and);
    for (const format of ['csv', 'xlsx'] as const) {
      const out: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await exportSegments(retrievalDb, query, format, join(dir, `segments.${format}`), 'nl');
        out.push(performance.now() - t0);
      }
      results[`segmentsExport${format === 'csv' ? 'Csv' : 'Xlsx'}Ms`] = median(out);
    }
    retrievalDb.close();
  }
  results.rssMB = Math.round(process.memoryUsage().rss / 1048576);
  // --keep PATH leaves a copy of the generated project for profiling.
  if (values.keep) copyFileSync(path, values.keep);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rounded = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(rounded, null, 2)}\n`);
for (const [k, v] of Object.entries(rounded)) process.stdout.write(`${k.padEnd(24)} ${v}\n`);
