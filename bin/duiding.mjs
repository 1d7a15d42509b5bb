#!/usr/bin/env node
// Entry point of the `duiding` command. The CLI runs from TypeScript source
// through Node's built-in type stripping (Node >= 22.18), so it needs no build.
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
const { runCli } = await import('../src-main/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}, process.env);
process.exitCode = code;
