// Child process of the hostile-input part of bench/safety.ts: imports what
// one hostile case names into PROJECT through the app's dispatcher (preview,
// then commit of what the preview accepted) and prints one JSON line with the
// outcome and this process's peak resident memory (VmHWM, worker threads
// included). The parent kills it when it runs too long.
//   node import-child.ts PROJECT '{"paths":[…],"speakers":{…}}'
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';

const [project, spec] = process.argv.slice(2);
if (!project || !spec) throw new Error('usage: import-child.ts PROJECT SPEC_JSON');
const { paths, speakers } = JSON.parse(spec) as { paths: string[]; speakers?: unknown };
const session = new Session();
session.coder = 'Veiligheidstest';
const dispatch = createDispatcher({ session });

/** Peak resident memory of this process in MB (Linux). */
function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

const opened = await dispatch('project.open', { path: project });
if (!opened.ok) throw new Error(opened.error.message);
const started = performance.now();
const preview = await dispatch('import.preview', { paths, ...(speakers ? { speakers } : {}) });
type Preview = { ok: boolean; token: string; fileName: string; error?: { code: string; message: string } };
const previews = preview.ok ? (preview.data as Preview[]) : [];
const accepted = previews.filter((p) => p.ok);
let committed: { ok: boolean; error?: { code: string } }[] = [];
if (accepted.length > 0) {
  const commit = await dispatch('import.commit', { items: accepted.map((p) => ({ token: p.token, speakers: [], allowDuplicate: true })) });
  committed = commit.ok ? (commit.data as typeof committed) : [{ ok: false, error: { code: commit.error.code } }];
}
const importMs = Math.round(performance.now() - started);
session.close();
process.stdout.write(`${JSON.stringify({
  // The refusal of the whole call (e.g. a folder with too many files), or one entry per file.
  callError: preview.ok ? null : { code: preview.error.code, message: preview.error.message },
  files: previews.map((p) => ({ file: p.fileName, ok: p.ok, code: p.error?.code ?? null, named: p.error ? p.error.message.includes(p.fileName) : null })),
  committed: committed.filter((c) => c.ok).length,
  commitErrors: committed.filter((c) => !c.ok).map((c) => c.error?.code),
  inputs: paths.map((p) => basename(p)),
  importMs,
  peakMb: vmHwmMb(),
})}\n`);
