// What the installer carries (issue 12 §8, ADR 0022): `dependencies` are the
// packages main and its workers load from node_modules at run time; renderer
// libraries are bundled by electron-vite and belong in devDependencies, so
// electron-builder does not ship them a second time. The licence notices
// shown in the About dialog cover both and are current.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTICES_FILE, collectNotices, renderNotices, rendererImports } from '../../../scripts/third-party-notices.ts';

const root = process.cwd();
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function importsUnder(dirs: string[]): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs)$/.test(entry.name)) {
        // require.resolve('pkg') counts: a data package (the Dutch word list) is read from its folder.
        for (const m of readFileSync(path, 'utf8').matchAll(/(?:from|import\(|require\(|\.resolve\()\s*'([^'.][^']*)'/g)) {
          const spec = m[1]!;
          if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/.test(spec)) continue; // not a package specifier
          if (spec.startsWith('node:')) continue;
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
    }
  };
  dirs.forEach(walk);
  return names;
}

describe('dependencies', () => {
  const mainSide = importsUnder(['src-main', 'src-shared', 'bin']);

  it('lists only packages that main, its workers or the CLI import (nothing unused, nothing renderer-only)', () => {
    const notNeeded = Object.keys(pkg.dependencies).filter((name) => !mainSide.has(name));
    expect(notNeeded).toEqual([]);
  });

  it('keeps renderer libraries (bundled) in devDependencies', () => {
    const renderer = rendererImports(root);
    const rendererOnly = [...renderer].filter((name) => !mainSide.has(name));
    expect(rendererOnly.length).toBeGreaterThan(5);
    for (const name of rendererOnly) {
      expect(pkg.dependencies[name], `${name} in dependencies`).toBeUndefined();
      expect(pkg.devDependencies[name], `${name} in devDependencies`).toBeDefined();
    }
  });
});

describe('third-party notices', () => {
  it('are current: regenerating from node_modules gives the committed file', () => {
    expect(readFileSync(NOTICES_FILE, 'utf8') === renderNotices(collectNotices(root)), 'run node scripts/third-party-notices.ts').toBe(true);
  });

  it('cover the shipped main-side packages and the bundled renderer libraries, with their licence texts', () => {
    const notices = collectNotices(root);
    const byName = new Map(notices.packages.map((p) => [p.name, p]));
    for (const name of ['better-sqlite3', 'zod', 'i18next', 'react', 'react-dom', 'react-aria-components', 'lexical', 'd3', 'scheduler']) {
      const entry = byName.get(name);
      expect(entry, name).toBeDefined();
      expect(notices.texts[entry!.text!], `${name} licence text`).toMatch(/permission|licen[cs]e/i);
    }
    // Build and test tools are not shipped and not listed.
    for (const name of ['vitest', 'electron-builder', 'typescript', 'eslint']) expect(byName.has(name), name).toBe(false);
  });

  it('name a licence for every shipped package (the old unzipper of exceljs brought `buffers`, which has none)', () => {
    const notices = collectNotices(root);
    expect(notices.packages.filter((p) => !p.license || /unknown/i.test(p.license)).map((p) => `${p.name}@${p.version}`)).toEqual([]);
    // package.json pins exceljs's unzipper to 0.12 (overrides): exceljs only uses it in a stream reader the app never calls.
    expect(notices.packages.map((p) => p.name)).not.toContain('buffers');
  });
});
