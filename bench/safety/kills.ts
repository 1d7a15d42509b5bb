// The crash part of bench/safety.ts (issue 10): N rounds, each a child process
// (kill-child.ts) doing one kind of real work — import, coding, text edit,
// export, migration of an old project, Save As — killed with SIGKILL at a
// random moment. After every kill: every project file passes integrity_check,
// every operation the child acknowledged is there, and no export or Save As /
// backup target holds a partial file (it is absent or complete).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { APPLICATION_ID, openProjectDb } from '../../src-main/db/open.ts';
import { loadMigrations } from '../../src-main/db/migrations.ts';
import { createExampleProject } from '../../src-main/example/build-example.ts';

const CHILD = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/projects', import.meta.url));
export const KILL_MODES = ['import', 'coding', 'edit', 'export', 'migrate', 'saveas'] as const;
export type KillMode = (typeof KILL_MODES)[number];

export interface KillFigures {
  kills: number;
  /** Kills per kind of work. */
  byMode: Record<KillMode, number>;
  /** Operations acknowledged by the children before they were killed. */
  acknowledged: number;
  /** Project files that failed integrity_check after a kill. */
  corrupt: number;
  /** Acknowledged operations missing afterwards. */
  lost: number;
  /** Export, Save As or backup targets holding an incomplete or unusable file. */
  partial: number;
  /** Temporary files of interrupted writes found beside the targets (never at a target; removed on the next open). */
  tempLeftovers: number;
  /** Kills that came after at least one operation of that process had committed (the others hit its first one). */
  midOperation: number;
  problems: string[];
}

interface Round {
  acks: string[][];
  /** True when the child printed `ready` before it was killed. */
  ready: boolean;
}

/** Starts the child, kills it `delayMs` after it is ready, and collects its acknowledgements. */
function killRound(args: string[], delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: string[][] = [];
    let ready = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') {
        ready = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      } else if (line.startsWith('ack ')) acks.push(line.slice(4).split(' '));
    });
    // 'close' comes after the last line the child wrote has been read.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acks, ready });
      else reject(new Error(`${args[0]} child ended by itself (${String(code)}): ${stderr.slice(-2000)}`));
    });
  });
}

/** integrity_check of a project file; opens it as the app would after a crash (the WAL is recovered). */
function integrity(path: string): string {
  try {
    const db = new Database(path, { fileMustExist: true });
    try {
      const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      return rows.map((r) => r.integrity_check).join('; ');
    } finally {
      db.close();
    }
  } catch (err) {
    return `cannot open: ${(err as Error).message}`;
  }
}

/** Row counts that a copy or migration must keep. */
function contentCounts(path: string): string {
  const db = new Database(path, { fileMustExist: true, readonly: true });
  try {
    return ['sources', 'turns', 'codes', 'codings', 'memos', 'participants']
      .map((t) => `${t}=${String(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())}`).join(' ');
  } finally {
    db.close();
  }
}

/** Why a file at a copy target is not a complete project (null when it is). */
function incompleteCopy(path: string, expected: string, version?: number): string | null {
  try {
    const db = new Database(path, { fileMustExist: true, readonly: true });
    try {
      if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return 'not a Duiding project';
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') return `quick_check: ${String(check)}`;
      if (version !== undefined && db.pragma('user_version', { simple: true }) !== version) return 'wrong schema version';
    } finally {
      db.close();
    }
    const counts = contentCounts(path);
    return counts === expected ? null : `content ${counts}, expected ${expected}`;
  } catch (err) {
    return `cannot read: ${(err as Error).message}`;
  }
}

const isTemp = (f: string) => f.includes('.duiding-partial') || /^\..*\.tmp$/.test(f);
const isSide = (f: string) => /-(wal|shm|journal)$/.test(f);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Adds a few megabytes of memo text, so one Save As takes long enough to be killed half-way. */
function fatten(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  const big = Array.from({ length: 15_000 }, (_, i) => `regel ${i} met wat tekst om de kopie langer te laten duren`).join('\n');
  const insert = db.prepare("INSERT INTO memos (guid, target_kind, target_guid, title, body, plain) VALUES (?, 'project', NULL, 'groot', '', ?)");
  for (let i = 0; i < 3; i++) insert.run(`bench-big-${i}`, big);
  db.close();
}

export interface KillOptions {
  kills: number;
  /** Working folder (kept as it is for inspection). */
  dir: string;
  /** Longest random delay between the child being ready and the kill. */
  maxDelayMs?: number;
  onRound?: (i: number, mode: KillMode, round: Round) => void;
}

export async function runKills({ kills, dir, maxDelayMs = 1500, onRound }: KillOptions): Promise<KillFigures> {
  const latest = loadMigrations().length;
  const figures: KillFigures = {
    kills: 0, byMode: Object.fromEntries(KILL_MODES.map((m) => [m, 0])) as Record<KillMode, number>,
    acknowledged: 0, corrupt: 0, lost: 0, partial: 0, tempLeftovers: 0, midOperation: 0, problems: [],
  };
  const problem = (kind: 'corrupt' | 'lost' | 'partial', what: string) => {
    figures[kind]++;
    figures.problems.push(`${kind}: ${what}`);
  };
  const folder = (name: string) => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  // Only what the rounds of this run need (a short run does only the first kinds).
  const modes = new Set(Array.from({ length: kills }, (_, i) => KILL_MODES[i % KILL_MODES.length]!));
  // One example project per kind of work on it, kept across rounds: each round starts from a crashed one.
  const projects = {} as Record<'import' | 'coding' | 'edit' | 'export' | 'saveas', string>;
  for (const mode of ['import', 'coding', 'edit', 'export', 'saveas'] as const) {
    projects[mode] = join(folder('projects'), `${mode}.duiding`);
    if (modes.has(mode)) createExampleProject(projects[mode]).close();
  }
  let saveasCounts = '';
  if (modes.has('saveas')) {
    fatten(projects.saveas);
    saveasCounts = contentCounts(projects.saveas);
  }
  // What a clean migration of each fixture holds.
  const migrated = new Map<number, string>();
  for (let v = 1; v < latest && modes.has('migrate'); v++) {
    const copy = join(folder('reference'), `v${v}.duiding`);
    copyFileSync(join(FIXTURES, `schema-v${v}.duiding`), copy);
    openProjectDb(copy).close();
    migrated.set(v, contentCounts(copy));
  }

  const acked: Record<KillMode, string[][]> = Object.fromEntries(KILL_MODES.map((m) => [m, []])) as unknown as Record<KillMode, string[][]>;
  let exportReference: string | null = null;

  for (let i = 0; i < kills; i++) {
    const mode = KILL_MODES[i % KILL_MODES.length]!;
    const start = i * 100_000; // operation numbers never repeat between rounds
    const out = mode === 'import' ? folder('import-files') : mode === 'export' ? folder('exports') : mode === 'migrate' ? folder('migrations') : mode === 'saveas' ? folder('copies') : '-';
    const args = mode === 'migrate' ? [mode, FIXTURES, out, String(start)] : [mode, projects[mode], out, String(start)];
    const round = await killRound(args, Math.random() * maxDelayMs);
    onRound?.(i, mode, round);
    figures.kills++;
    figures.byMode[mode]++;
    figures.acknowledged += round.acks.length;
    acked[mode].push(...round.acks);
    if (round.acks.length > 0) figures.midOperation++;

    // Integrity of the project this round worked on.
    if (mode !== 'migrate') {
      const check = integrity(projects[mode]);
      if (check !== 'ok') problem('corrupt', `${mode} project after kill ${i}: ${check}`);
    }
    const db = mode === 'migrate' ? null : new Database(projects[mode], { fileMustExist: true, readonly: true });
    try {
      if (mode === 'import') {
        const has = db!.prepare('SELECT count(*) FROM sources WHERE name = ?').pluck();
        for (const [n] of acked.import) if (!has.get(`imp-${n}`)) problem('lost', `import imp-${n}`);
      } else if (mode === 'coding') {
        const has = db!.prepare('SELECT count(*) FROM codings WHERE id = ?').pluck();
        for (const [, ids] of acked.coding) for (const id of ids!.split(',')) if (!has.get(Number(id))) problem('lost', `coding ${id}`);
      } else if (mode === 'edit') {
        const last = Math.max(-1, ...acked.edit.map(([n]) => Number(n)));
        const first = db!.prepare('SELECT substr(s.text, t.start + 1, 20) FROM turns t JOIN sources s ON s.id = t.source_id WHERE s.id = (SELECT min(id) FROM sources) ORDER BY t.start LIMIT 1').pluck().get() as string;
        const now = Number(/^\[(\d+)\]/.exec(first)?.[1] ?? -1);
        if (now < last) problem('lost', `text edit ${last} (turn shows ${now})`);
      } else if (mode === 'export') {
        for (const [n, bytes] of acked.export) {
          const path = join(out, `exp-${n}.csv`);
          if (!existsSync(path)) problem('lost', `export exp-${n}.csv`);
          else if (readFileSync(path).length !== Number(bytes)) problem('partial', `exp-${n}.csv has a different size than acknowledged`);
        }
        // Every export of the same query is the same file: anything else at a target is partial.
        for (const f of readdirSync(out).filter((f) => f.endsWith('.csv') && !isTemp(f))) {
          const hash = sha(join(out, f));
          exportReference ??= hash;
          if (hash !== exportReference) problem('partial', `${f} differs from the other exports`);
        }
      } else if (mode === 'saveas') {
        for (const [n] of acked.saveas) if (!existsSync(join(out, `copy-${n}.duiding`))) problem('lost', `Save As copy-${n}.duiding`);
        for (const f of readdirSync(out).filter((f) => /^copy-\d+\.duiding$/.test(f))) {
          const check = integrity(join(out, f));
          if (check !== 'ok') problem('corrupt', `${f}: ${check}`);
          const why = incompleteCopy(join(out, f), saveasCounts);
          if (why) problem('partial', `${f}: ${why}`);
        }
      } else {
        for (const f of readdirSync(out).filter((f) => /^mig-\d+-v\d+\.duiding$/.test(f))) {
          const [, n, v] = /^mig-(\d+)-v(\d+)/.exec(f)!;
          const path = join(out, f);
          const check = integrity(path);
          if (check !== 'ok') problem('corrupt', `${f}: ${check}`);
          const wasAcked = acked.migrate.some(([a]) => a === n);
          if (wasAcked) {
            const why = incompleteCopy(path, migrated.get(Number(v))!, latest);
            if (why) problem('lost', `migration of ${f}: ${why}`);
          }
          // The backup beside it (if the kill left one at its target) is a complete copy of the old project.
          for (const b of readdirSync(out).filter((b) => b.startsWith(`${f}.backup-`) && !isSide(b))) {
            const why = incompleteCopy(join(out, b), contentCounts(join(FIXTURES, `schema-v${v}.duiding`)), Number(v));
            if (why) problem('partial', `${b}: ${why}`);
          }
        }
      }
    } finally {
      db?.close();
    }
  }

  // Opening each migrated project afterwards: the one a kill interrupted migrates now, with its content.
  const migrations = join(dir, 'migrations');
  if (existsSync(migrations)) {
    for (const f of readdirSync(migrations).filter((f) => /^mig-\d+-v\d+\.duiding$/.test(f))) {
      const v = Number(/-v(\d+)\./.exec(f)![1]);
      try {
        openProjectDb(join(migrations, f)).close();
        const why = incompleteCopy(join(migrations, f), migrated.get(v)!, latest);
        if (why) problem('lost', `reopened ${f}: ${why}`);
      } catch (err) {
        problem('corrupt', `reopening ${f}: ${(err as Error).message}`);
      }
    }
  }
  for (const d of ['exports', 'copies', 'migrations'].map((n) => join(dir, n)).filter(existsSync)) {
    figures.tempLeftovers += readdirSync(d).filter(isTemp).length;
  }
  return figures;
}
