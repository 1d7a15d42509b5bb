#!/usr/bin/env node
// Entry point of the `duiding` command. It runs the bundled build (out/main/cli.js, made by `npm run build`)
// when that is newer than every source file, and otherwise the TypeScript sources through Node's built-in type
// stripping (Node >= 22.18). Type-stripping the tree costs about 0.2 s at every start (issue 12 §3); a stale
// bundle would run old code, so an edited source always wins. DUIDING_CLI=source or DUIDING_CLI=bundle forces one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`duiding: Node.js 22.18 or newer is needed (this is ${process.version}).\n`);
  process.exit(1);
}
// Type stripping prints an ExperimentalWarning on some 22.x releases; it is noise here.
const emit = process.emitWarning;
process.emitWarning = (warning, ...args) => {
  if (String(typeof warning === 'string' ? warning : warning?.message).includes('Type Stripping')) return;
  return emit.call(process, warning, ...args);
};
// A closed pipe (`duiding info x | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (err) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw err; });

/** The newest modification time under a folder (0 when it is missing). */
function newest(dir) {
  let latest = 0;
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true, recursive: true }); } catch { return 0; }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const time = statSync(`${entry.parentPath}/${entry.name}`).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

function useBundle(bundle) {
  if (process.env.DUIDING_CLI === 'source') return false;
  if (process.env.DUIDING_CLI === 'bundle') return true;
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return ['../src-main', '../src-shared', '../migrations'].every((dir) => newest(fileURLToPath(new URL(dir, import.meta.url))) <= built);
}

const bundle = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
const { runCli } = useBundle(bundle) ? await import(bundle) : await import('../src-main/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}, process.env);
process.exitCode = code;
