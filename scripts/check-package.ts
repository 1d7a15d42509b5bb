// Checks, offline, the layout electron-builder would package (issue 12 §9).
// A real `electron-builder --dir` needs an Electron distribution, which cannot
// be downloaded here (ELECTRON_SKIP_BINARY_DOWNLOAD, no network beyond npm),
// so this check reads what the packaging is made of instead: the config's
// `files` globs over the built out/, the production node_modules tree
// (`npm ls --omit=dev`, which is what electron-builder copies), and asarUnpack.
// It does NOT run electron-builder; a maintainer with an Electron dist runs
// `npm run dist -- --dir -c.electronDist=…` and this script still applies.
//
//   npm run build && node scripts/check-package.ts
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Renderer libraries: bundled by electron-vite, must not be in the installer's node_modules. */
export const RENDERER_LIBRARIES = ['react', 'react-dom', 'react-aria-components', 'react-i18next', 'lexical', '@lexical/react', 'd3', '@tanstack/react-query', 'zustand'];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function hasNotices(code: string): boolean {
  return code.includes('better-sqlite3') && code.includes('react-dom') && code.includes('Permission is hereby granted');
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

export async function checkPackage(root: string): Promise<string[]> {
  const problems: string[] = [];
  const require = createRequire(join(root, 'package.json'));
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<{ files?: unknown[]; asarUnpack?: string[]; asar?: boolean }>;
  };
  const config = await getConfig(root, 'electron-builder.yml', null);

  // The app's own files: what the `files` globs take from the project folder.
  // getConfig normalises `files` to file sets: [{ filter: [globs] }].
  const patterns = (config.files ?? []).flatMap((g) => (typeof g === 'string' ? [g] : ((g as { filter?: string[] }).filter ?? [])));
  const globs = patterns.filter((g) => !g.startsWith('!'));
  const negated = patterns.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const candidates = walk(root).map((f) => relative(root, f)).filter((f) => !f.startsWith('node_modules') && !f.startsWith('.git'));
  const appFiles = candidates.filter((f) => globs.some((g) => matchesGlob(f, g)) && !negated.some((g) => matchesGlob(f, g)));
  // The engine runs as its own utility process (ADR 0028): without its entry the app opens no project.
  for (const must of ['out/main/index.js', 'out/main/engine.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
    if (!appFiles.includes(must)) problems.push(`missing from the app: ${must} (run npm run build first?)`);
  }
  if (!appFiles.some((f) => f.startsWith('migrations/') && f.endsWith('.sql'))) problems.push('no migrations in the app');
  for (const f of appFiles) {
    if (/(^|\/)(test|bench|e2e)(\/|$)|\.test\.[jt]sx?$/.test(f)) problems.push(`test or bench file packaged: ${f}`);
    if (f.endsWith('.map')) problems.push(`source map packaged: ${f}`);
  }

  // node_modules: electron-builder copies the production tree.
  const prod = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((p) => relative(root, p)).filter((p) => p.startsWith('node_modules/'));
  for (const lib of RENDERER_LIBRARIES) {
    if (prod.includes(`node_modules/${lib}`)) problems.push(`renderer library in the installer's node_modules: ${lib}`);
  }
  const sqlite = 'node_modules/better-sqlite3';
  if (!prod.includes(sqlite)) problems.push('better-sqlite3 is not a production dependency');
  const natives = existsSync(join(root, sqlite)) ? walk(join(root, sqlite)).map((f) => relative(root, f)).filter((f) => f.endsWith('.node')) : [];
  if (natives.length === 0) problems.push('better-sqlite3 has no .node binary');
  for (const n of natives) {
    if (!(config.asarUnpack ?? []).some((g) => matchesGlob(n, g))) problems.push(`native module not unpacked from asar: ${n}`);
  }
  if (config.asar === false) problems.push('asar is off');

  // Notices: the About dialog's chunk carries them.
  const assets = join(root, 'out/renderer/assets');
  const withNotices = existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js') && hasNotices(readFileSync(join(assets, f), 'utf8')));
  if (!withNotices) problems.push('third-party notices are not in the renderer bundle');

  // Icons.
  const icon = join(root, 'assets/icon.png');
  if (!existsSync(icon) || pngSize(icon)[0] < 512) problems.push('assets/icon.png missing or under 512 px');
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    const f = join(root, `assets/icons/${size}x${size}.png`);
    if (!existsSync(f) || pngSize(f)[0] !== size || statSync(f).size === 0) problems.push(`assets/icons/${size}x${size}.png missing or wrong size`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = await checkPackage(resolve(fileURLToPath(import.meta.url), '../..'));
  process.stdout.write(problems.length ? `${problems.map((p) => `✗ ${p}`).join('\n')}\n` : 'packaged layout: ok\n');
  process.exitCode = problems.length ? 1 : 0;
}
