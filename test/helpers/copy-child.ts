// Child process for the kill tests (issue 10 §6): writes project copies in a
// loop and says when each starts and ends, so the parent can SIGKILL it in
// the middle of one.
//   node copy-child.ts saveas SOURCE DIR TAG — copy SOURCE to DIR/copy-TAG-N.duiding, N = 0, 1, …, as Save As
//                                               and "copy to share" write it (db/copy.ts, without history)
//   node copy-child.ts backup OLD DIR TAG    — copy OLD (an older schema) to DIR/old-TAG-N.duiding and open it
//                                               (backup copy, then migration)
// The saveas mode imports only what the copy needs, so a round starts quickly.
import Database from 'better-sqlite3';
import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeProjectCopy } from '../../src-main/db/copy.ts';

const [mode, source, dir, tag] = process.argv.slice(2);
if (!mode || !source || !dir || !tag) throw new Error('usage: copy-child.ts saveas|backup SOURCE DIR TAG');
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'saveas') {
  const db = new Database(source, { fileMustExist: true });
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  for (let n = 0; ; n++) {
    say(`start ${n}`);
    writeProjectCopy(db, join(dir, `copy-${tag}-${n}.duiding`), { history: false });
    say(`done ${n}`);
  }
} else {
  const { openProjectDb } = await import('../../src-main/db/open.ts');
  for (let n = 0; ; n++) {
    const target = join(dir, `old-${tag}-${n}.duiding`);
    // The test's own set-up copy goes in under a temporary name and is renamed
    // whole: a kill that lands here (before "start n") must not leave a
    // half-copied file that Duiding never wrote.
    copyFileSync(source, `${target}.setup`);
    renameSync(`${target}.setup`, target);
    say(`start ${n}`);
    openProjectDb(target).close();
    say(`done ${n}`);
  }
}
