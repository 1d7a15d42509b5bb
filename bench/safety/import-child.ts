// Child process of the hostile-input part of bench/safety.ts: imports what
// one hostile case names into PROJECT the way the import.preview and
// import.commit handlers do (the request parsed by the channel's contract,
// then ImportJobs: preview, commit of what the preview accepted; loading only
// the import side of the app keeps the child's start-up short) and prints one
// JSON line with the outcome and this process's peak resident memory (VmHWM,
// worker threads included). The parent kills it when it runs too long.
//   node import-child.ts PROJECT '{"paths":[…],"speakers":{…}}'
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Session } from '../../src-main/session.ts';
import { ImportJobs } from '../../src-main/import/import-jobs.ts';
import { importChannels } from '../../src-shared/contracts/import.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';

const [project, spec] = process.argv.slice(2);
if (!project || !spec) throw new Error('usage: import-child.ts PROJECT SPEC_JSON');
const { paths, speakers } = JSON.parse(spec) as { paths: string[]; speakers?: unknown };
const session = new Session();
session.coder = 'Veiligheidstest';
const jobs = new ImportJobs(session);
const { t } = createI18n('nl');
/** As the dispatcher describes an error: its code and the Dutch message. */
const describe = (err: unknown) => (err instanceof DomainError
  ? { code: err.code, message: t(`errors.${err.code}`, err.params) }
  : { code: 'internal', message: String(err) });

/** Peak resident memory of this process in MB (Linux). */
function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

session.open(project);
const started = performance.now();
type Preview = { ok: boolean; token: string; fileName: string; error?: { code: string; message: string } };
let previews: Preview[] = [];
let callError: { code: string; message: string } | null = null;
try {
  const request = importChannels['import.preview'].input.parse({ paths, ...(speakers ? { speakers } : {}) });
  previews = await jobs.preview(request, describe);
} catch (err) {
  callError = describe(err);
}
const accepted = previews.filter((p) => p.ok);
let committed: { ok: boolean; error?: { code: string } }[] = [];
if (accepted.length > 0) {
  try {
    committed = await jobs.commit(accepted.map((p) => ({ token: p.token, speakers: [], allowDuplicate: true })), describe);
  } catch (err) {
    committed = [{ ok: false, error: { code: describe(err).code } }];
  }
}
await jobs.close();
const importMs = Math.round(performance.now() - started);
session.close();
process.stdout.write(`${JSON.stringify({
  // The refusal of the whole call (e.g. a folder with too many files), or one entry per file.
  callError,
  files: previews.map((p) => ({ file: p.fileName, ok: p.ok, code: p.error?.code ?? null, named: p.error ? p.error.message.includes(p.fileName) : null })),
  committed: committed.filter((c) => c.ok).length,
  commitErrors: committed.filter((c) => !c.ok).map((c) => c.error?.code),
  inputs: paths.map((p) => basename(p)),
  importMs,
  peakMb: vmHwmMb(),
})}\n`);
