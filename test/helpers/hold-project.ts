// Child process for lock tests: opens a project, says 'ready', and keeps it open
// until its stdin closes (or it is killed).
import { openProjectDb } from '../../src-main/db/open.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: hold-project.ts FILE');
const db = openProjectDb(path);
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  db.close();
  process.stdout.write('closed\n');
  process.exit(0);
});
