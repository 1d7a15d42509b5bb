// Child process for the storage tests (issue 10 §15), run inside an unshare'd
// user and mount namespace where the parent mounted a tmpfs: read-only media
// and a full disk are real there, also for root (root ignores file
// permissions, but not a read-only mount or a full file system).
//   node storage-child.ts readonly PROJECT OLDPROJECT WRITABLE_DIR
//   node storage-child.ts full PROJECT OLDPROJECT WRITABLE_DIR
// Prints one JSON line with what each step answered.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { lexicalBody } from '../../src-main/example/example-memos.ts';

const [mode, project, old, writable] = process.argv.slice(2);
if (!mode || !project || !old || !writable) throw new Error('usage: storage-child.ts readonly|full PROJECT OLD WRITABLE_DIR');
const session = new Session();
session.coder = 'Tester';
const dispatch = createDispatcher({ session });
const out: Record<string, unknown> = {};
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
/** The answer of a call, reduced to what the test checks. */
const call = async (channel: string, payload: unknown) => {
  const r = await dispatch(channel, payload);
  return r.ok ? { ok: true, data: r.data } : { ok: false, code: r.error.code, message: r.error.message };
};
const count = (sql: string) => session.project!.sqlite.prepare(sql).pluck().get();

if (mode === 'readonly') {
  const before = { project: hash(project), old: hash(old) };
  out.open = await call('project.open', { path: project });
  out.openReadOnly = await call('project.open', { path: project, readOnly: true });
  out.info = await call('project.info', {});
  out.search = await call('search.text', { query: 'zorg' });
  out.setCoder = await call('session.setCoder', { name: 'Iemand anders' });
  out.create = await call('codebook.create', { parentId: null, name: 'Nieuw', color: '#123456' });
  out.memo = await call('memos.create', { target: { kind: 'project', id: null }, body: lexicalBody(['x']) });
  out.undo = await call('history.undo', {});
  out.clear = await call('history.clear', {});
  const ids = session.project!.sqlite.prepare('SELECT id FROM codings LIMIT 2').pluck().all();
  out.keyQuote = await call('codings.setKeyQuote', { ids, isKeyQuote: true });
  // Save a copy somewhere writable and keep working there.
  const copy = join(writable, 'kopie.duiding');
  out.saveAs = await call('project.saveAs', { path: copy });
  out.createInCopy = await call('codebook.create', { parentId: null, name: 'Nieuw', color: '#123456' });
  // An older project on read-only media: viewed after an in-memory upgrade, nothing written beside it.
  out.openOld = await call('project.open', { path: old });
  out.openOldReadOnly = await call('project.open', { path: old, readOnly: true });
  out.oldMemos = await call('memos.list', {});
  await call('project.open', { path: join(dirname(project), 'wal.duiding'), readOnly: true });
  out.walCode = count("SELECT count(*) FROM codes WHERE name = 'Alleen in de WAL'");
  out.unchanged = hash(project) === before.project && hash(old) === before.old;
  out.mediaFiles = readdirSync(dirname(project)).sort();
} else {
  out.open = await call('project.open', { path: project });
  const dir = dirname(project);
  const free = () => { const s = statfsSync(dir); return s.bavail * s.bsize; };
  // Fill the file system, leaving a little room (the project can still open and read).
  writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free() - 48 * 1024)));
  const memos = count('SELECT count(*) FROM memos') as number;
  const big = lexicalBody(Array.from({ length: 40 }, (_, i) => `Alinea ${i}: ${'veel tekst die de schijf vol maakt '.repeat(20)}`));
  out.memo = await call('memos.create', { target: { kind: 'project', id: null }, body: big });
  out.memosAfterFull = count('SELECT count(*) FROM memos') === memos;
  out.saveAs = await call('project.saveAs', { path: join(dir, 'kopie.duiding') });
  out.stillOpen = session.project?.path === project;
  out.integrity = count('PRAGMA quick_check');
  // An older project on the full disk: its backup cannot be written; it is left as it was.
  const oldHash = hash(old);
  session.close();
  out.openOld = await call('project.open', { path: old });
  out.oldUnchanged = hash(old) === oldHash;
  out.leftovers = readdirSync(dir).filter((f) => f.includes('partial') || f.includes('.backup-')).sort();
  // Room again: the same write succeeds.
  rmSync(join(dir, 'filler'));
  out.reopen = await call('project.open', { path: project });
  out.memoRetry = await call('memos.create', { target: { kind: 'project', id: null }, body: big });
  out.memosAfterRetry = count('SELECT count(*) FROM memos') === memos + 1;
}
session.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
