// A folder nobody can write to — root included. chmod does not stop root (CI
// runs as root), so tests that need a read-only folder run the code under test
// in a child process with its own user and mount namespace (util-linux
// `unshare --user --map-root-user --mount`), in which the folder is
// bind-mounted onto itself read-only: every write there fails with EROFS,
// whoever runs it. The mount lives and dies with the child; the folder itself
// is never changed. Where user namespaces are not available the test fails
// with a message that says so — it never silently skips.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const MARK = '\n@@duiding-result@@';

/**
 * Runs `body` — the body of an async JavaScript function — in a child Node
 * process where `dir` is read-only. Inside, `args` holds the given arguments,
 * `repo(path)` gives the import URL of a file of this repository (TypeScript is
 * run as is) and `dir` the folder. Returns what `body` returns (as JSON).
 */
export function inReadOnlyDir<T>(dir: string, body: string, args: Record<string, unknown> = {}): T {
  const scratch = mkdtempSync(join(tmpdir(), 'duiding-ro-'));
  const script = join(scratch, 'child.mjs');
  writeFileSync(script, [
    'import { writeFileSync, rmSync } from "node:fs";',
    'import { join } from "node:path";',
    `const dir = ${JSON.stringify(dir)};`,
    'const args = JSON.parse(process.env.DUIDING_TEST_ARGS);',
    `const repo = (p) => new URL(p, ${JSON.stringify(ROOT.href)}).href;`,
    // Make sure the folder really is read-only here, or the test would prove nothing.
    'try { writeFileSync(join(dir, ".probe"), "x"); rmSync(join(dir, ".probe")); throw new Error(`${dir} is writable inside the namespace`); }',
    'catch (err) { if (err.code !== "EROFS") throw err; }',
    `const result = await (async () => { ${body} })();`,
    `process.stdout.write(${JSON.stringify(MARK)} + JSON.stringify(result ?? null));`,
  ].join('\n'));
  try {
    const r = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c',
      'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2" "$3"', 'sh', dir, process.execPath, pathToFileURL(script).pathname],
    { encoding: 'utf8', env: { ...process.env, DUIDING_TEST_ARGS: JSON.stringify(args) }, timeout: 60_000 });
    if (r.error) throw new Error(`A read-only folder needs util-linux "unshare" (user and mount namespaces): ${r.error.message}`);
    const at = r.stdout.lastIndexOf(MARK);
    if (r.status !== 0 || at === -1) {
      throw new Error(`The child with a read-only ${dir} failed (exit ${r.status}); user namespaces must be allowed. stderr:\n${r.stderr}`);
    }
    return JSON.parse(r.stdout.slice(at + MARK.length)) as T;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

