// Third-party licence notices for what the installer ships (issue 12 §8, ADR
// 0022): the production dependency tree that main and the workers load from
// node_modules, and the libraries electron-vite bundles into the renderer
// (devDependencies imported from src-renderer/, with their own dependencies).
// Licence texts come from each package's LICENSE/LICENCE/COPYING file, its
// `license` field otherwise. Written to src-renderer/features/about/ (shown in
// the About dialog); test/unit/package/notices.test.ts keeps it current.
//
//   node scripts/third-party-notices.ts          (writes the file)
//   node scripts/third-party-notices.ts --check  (exit 1 if it is stale)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NoticePackage {
  name: string;
  version: string;
  license: string;
  /** Key into `texts`; null when the package carries no licence file. */
  text: string | null;
}
export interface Notices {
  packages: NoticePackage[];
  texts: Record<string, string>;
}

interface Manifest {
  name: string;
  version: string;
  license?: string | { type?: string };
  licenses?: Array<{ type?: string }>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export const NOTICES_FILE = 'src-renderer/features/about/third-party-notices.json';

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's lookup: the nearest node_modules/<name> walking up from the requiring package. */
function resolvePackage(root: string, from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || relative(root, dir).startsWith('..')) return null;
    dir = dirname(dir);
    // Step out of a scoped folder or a node_modules folder.
    while (/node_modules$|@[^/\\]+$/.test(dir) && dir !== root) dir = dirname(dir);
  }
}

/** Bare package names imported anywhere under the renderer's sources. */
export function rendererImports(root: string): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)) {
          const spec = m[1]!;
          if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/.test(spec)) continue; // not a package specifier
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
    }
  };
  walk(join(root, 'src-renderer'));
  return names;
}

function licenseOf(m: Manifest): string {
  if (typeof m.license === 'string') return m.license;
  if (m.license?.type) return m.license.type;
  if (m.licenses?.length) return m.licenses.map((l) => l.type ?? '?').join(' OR ');
  return 'UNKNOWN';
}

function licenseText(dir: string): string | null {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() : null;
}

export function collectNotices(root: string): Notices {
  const own = readManifest(root);
  const renderer = rendererImports(root);
  const roots = [
    ...Object.keys(own.dependencies ?? {}),
    ...Object.keys(own.devDependencies ?? {}).filter((name) => renderer.has(name)),
  ];
  const seen = new Map<string, { dir: string; manifest: Manifest }>();
  const queue = roots.map((name) => ({ name, from: root }));
  while (queue.length) {
    const { name, from } = queue.shift()!;
    const dir = resolvePackage(root, from, name);
    if (!dir) continue; // an optional dependency not installed on this platform
    if ([...seen.values()].some((s) => s.dir === dir)) continue;
    const manifest = readManifest(dir);
    seen.set(`${manifest.name}@${manifest.version}`, { dir, manifest });
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) queue.push({ name: dep, from: dir });
  }
  const texts: Record<string, string> = {};
  const packages = [...seen.values()].map(({ dir, manifest }): NoticePackage => {
    const text = licenseText(dir);
    let key: string | null = null;
    if (text) {
      key = createHash('sha256').update(text).digest('hex').slice(0, 12);
      texts[key] = text;
    }
    return { name: manifest.name, version: manifest.version, license: licenseOf(manifest), text: key };
  });
  packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const sortedTexts = Object.fromEntries(Object.entries(texts).sort(([a], [b]) => a.localeCompare(b)));
  return { packages, texts: sortedTexts };
}

export function renderNotices(notices: Notices): string {
  return `${JSON.stringify(notices, null, 1)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const rendered = renderNotices(collectNotices(root));
  const target = join(root, NOTICES_FILE);
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== rendered) {
      process.stderr.write(`${NOTICES_FILE} is out of date: run node scripts/third-party-notices.ts\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, rendered);
    const n = JSON.parse(rendered) as Notices;
    process.stdout.write(`${NOTICES_FILE}: ${n.packages.length} packages, ${Object.keys(n.texts).length} licence texts\n`);
  }
}
