// The hostile-input part of bench/safety.ts (issue 10): each case of
// hostile-files.ts imported into a fresh copy of a small project, in its own
// child process (import-child.ts), so a crash, a hang or a memory peak is that
// file's alone. An import (preview and commit, timed in the child without its
// start-up) that takes more than 30 s — the parse time limit — plus a few
// seconds to stop the parse is a hang; a child still running after 90 s is
// killed and counted as one too. Its peak memory is sampled from /proc/<pid>/status (VmHWM) while it
// runs and reported by the child at the end. A project whose content hash
// differs after an import that took nothing counts as changed.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from '../../src-main/session.ts';
import { HOSTILE_CASES, type HostileCase } from './hostile-files.ts';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
/** The parse time limit of the import (DEFAULT_PARSE_LIMITS.timeMs): "no hang over 30 s". */
export const HANG_LIMIT_MS = 30_000;
/** Time to stop a parse at its limit and answer. */
const STOP_GRACE_MS = 5_000;
/** The child's whole run, start-up and project copy included. */
const KILL_AFTER_MS = 90_000;
const MEMORY_LIMIT_MB = 1024;

export interface HostileOutcome {
  name: string;
  outcome: 'refused' | 'imported' | 'crash' | 'hang';
  /** The child's whole run. */
  ms: number;
  /** The import itself (preview and commit), when the child reported. */
  importMs: number | null;
  peakMb: number;
  changed: boolean;
  detail: string;
}

export interface HostileFigures {
  files: number;
  refused: number;
  imported: number;
  crashes: number;
  hangs: number;
  hangLimitS: number;
  /** Longest import (preview and commit) of the set. */
  slowestImportMs: number;
  slowestFile: string;
  overMemory: number;
  peakMb: number;
  peakFile: string;
  changedWhenRefused: number;
  wrongFiles: number;
  problems: string[];
  outcomes: HostileOutcome[];
}

/** A hash of every row of every table (the search index's shadow tables included), independent of row order. */
export function contentHash(path: string): string {
  const db = new Database(path, { fileMustExist: true, readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      hash.update(`${t}\n${rows.sort().join('\n')}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0; // gone already
  }
}

interface ChildReport {
  callError: { code: string; message: string } | null;
  files: { file: string; ok: boolean; code: string | null; named: boolean | null }[];
  committed: number;
  commitErrors: string[];
  importMs: number;
  peakMb: number;
}

function runChild(project: string, spec: unknown): Promise<{ report: ChildReport | null; ms: number; peakMb: number; hang: boolean; exit: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, project, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakMb = 0;
    let hang = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, vmHwmMb(child.pid!))), 50);
    const timer = setTimeout(() => {
      hang = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      let report: ChildReport | null = null;
      try {
        report = code === 0 ? (JSON.parse(last) as ChildReport) : null;
      } catch {
        report = null;
      }
      resolve({
        report, ms: Math.round(performance.now() - started), peakMb: Math.max(peakMb, report?.peakMb ?? 0), hang,
        exit: signal ? `signal ${signal}` : `exit ${String(code)}`, stderr,
      });
    });
  });
}

export interface HostileOptions {
  dir: string;
  /** Take only the first `limit` cases (quick ones first). */
  limit?: number;
  cases?: HostileCase[];
  /** Children running at the same time (1 for the figures: a parallel run makes the timings of each other slower). */
  parallel?: number;
  onFile?: (o: HostileOutcome) => void;
}

export async function runHostile({ dir, limit = Infinity, cases = HOSTILE_CASES, parallel = 1, onFile }: HostileOptions): Promise<HostileFigures> {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, 'basis.duiding');
  const session = new Session();
  session.create(base, { template: 'jzojp' });
  session.close();
  const baseHash = contentHash(base);
  const figures: HostileFigures = {
    files: 0, refused: 0, imported: 0, crashes: 0, hangs: 0, hangLimitS: HANG_LIMIT_MS / 1000, slowestImportMs: 0, slowestFile: '', overMemory: 0, peakMb: 0, peakFile: '',
    changedWhenRefused: 0, wrongFiles: 0, problems: [], outcomes: [],
  };
  const todo = [...cases.slice(0, limit).entries()];
  const one = async ([i, c]: [number, HostileCase]) => {
    const caseDir = join(dir, `case-${i}`);
    mkdirSync(caseDir);
    const input = await c.make(caseDir);
    const project = join(caseDir, 'project.duiding');
    copyFileSync(base, project);
    const run = await runChild(project, { paths: input.paths, speakers: input.speakers });
    const changed = contentHash(project) !== baseHash;
    const r = run.report;
    let outcome: HostileOutcome['outcome'];
    let detail: string;
    if (run.hang || (r && r.importMs > HANG_LIMIT_MS + STOP_GRACE_MS)) {
      outcome = 'hang';
      detail = run.hang ? `killed after ${KILL_AFTER_MS / 1000} s` : `the import took ${r!.importMs} ms`;
    } else if (!r) {
      outcome = 'crash';
      detail = `${run.exit}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    } else {
      outcome = r.committed > 0 ? 'imported' : 'refused';
      detail = r.callError ? r.callError.code : r.files.map((f) => `${f.file}: ${f.ok ? 'ok' : f.code}`).join(', ');
      if (r.commitErrors.length) detail += `; commit refused: ${r.commitErrors.join(', ')}`;
      // A refusal names the file it is about.
      // (A refused speaker pattern is about the pattern, not a file.)
      for (const f of r.files.filter((f) => !f.ok && f.named === false && !f.code?.startsWith('import.pattern'))) figures.problems.push(`${c.name}: the message for ${f.file} does not name it`);
      if (input.onlyFiles) {
        const taken = r.files.map((f) => f.file).sort();
        if (JSON.stringify(taken) !== JSON.stringify([...input.onlyFiles].sort())) {
          figures.wrongFiles++;
          figures.problems.push(`${c.name}: took ${taken.join(', ')}; expected only ${input.onlyFiles.join(', ')}`);
        }
      }
    }
    const o: HostileOutcome = { name: c.name, outcome, ms: run.ms, importMs: r?.importMs ?? null, peakMb: run.peakMb, changed, detail };
    figures.outcomes.push(o);
    figures.files++;
    if (outcome === 'hang') figures.hangs++;
    if (outcome === 'crash') figures.crashes++;
    if (outcome === 'refused') figures.refused++;
    if (outcome === 'imported') figures.imported++;
    if (outcome !== 'imported' && changed) {
      figures.changedWhenRefused++;
      figures.problems.push(`${c.name}: the project changed although nothing was imported`);
    }
    if (outcome === 'hang' || outcome === 'crash') figures.problems.push(`${c.name}: ${outcome} (${detail})`);
    if (run.peakMb >= MEMORY_LIMIT_MB) {
      figures.overMemory++;
      figures.problems.push(`${c.name}: peak memory ${run.peakMb} MB`);
    }
    if ((o.importMs ?? 0) > figures.slowestImportMs) {
      figures.slowestImportMs = o.importMs!;
      figures.slowestFile = c.name;
    }
    if (run.peakMb > figures.peakMb) {
      figures.peakMb = run.peakMb;
      figures.peakFile = c.name;
    }
    onFile?.(o);
  };
  // Each case is still its own child process (its peak memory is its own); `parallel` only overlaps their start-up.
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, async () => {
    for (let next = todo.shift(); next; next = todo.shift()) await one(next);
  }));
  figures.outcomes.sort((a, b) => cases.findIndex((c) => c.name === a.name) - cases.findIndex((c) => c.name === b.name));
  return figures;
}
