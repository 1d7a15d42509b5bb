// The renderer bundle as it ships (issue 12 §7, ADR 0022): read from the
// built out/renderer, which the e2e global setup requires. The first chunk is
// what the window parses before it shows anything; Lexical, d3 and the
// analysis views (report builder) come later, when the user opens them.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'out/renderer';
const ASSETS = join(DIR, 'assets');

function entryChunk(): string {
  const html = readFileSync(join(DIR, 'index.html'), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html has no module script');
  return join(DIR, src);
}

/** Everything the window loads before it shows anything: the entry and the chunks it preloads. */
function firstLoad(): string[] {
  const html = readFileSync(join(DIR, 'index.html'), 'utf8');
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g)].map((m) => join(DIR, m[1]!));
  return [entryChunk(), ...preloads];
}

function scripts(): string[] {
  return readdirSync(ASSETS).filter((f) => f.endsWith('.js')).map((f) => join(ASSETS, f));
}

// Markers that survive minification: string literals and object keys.
const LEXICAL = /lexical\.dev\/docs\/error|__lexicalKey_/;
const D3_COLOR = /aliceblue:/; // d3-color's named colours
const REPORT_BUILDER = /report-builder__fieldset/;
const ZOD = /\$ZodType/; // zod's class names, kept as strings

describe('renderer bundle', () => {
  it('keeps the first chunk under 600 kB minified', () => {
    expect(statSync(entryChunk()).size).toBeLessThan(600_000);
  });

  it('keeps the first load (entry chunk and the shared chunks it preloads) from growing back', () => {
    // 3.28 MB in one unminified file before issue 12; 704 kB after the split.
    // The rest of the way to 600 kB is Dutch+English product text kept
    // together per feature part (ADR 0022). Issue 11's keys and panes added
    // 18 kB of that text (723 kB); the guard leaves room for one more feature's
    // strings, not for a library slipping back into the first load.
    const sizes = firstLoad().map((f) => statSync(f).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(760_000);
  });

  it('ships no source maps', () => {
    expect(readdirSync(ASSETS).filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of scripts()) expect(readFileSync(file, 'utf8')).not.toMatch(/sourceMappingURL=/);
  });

  it('loads Lexical, d3 and the report builder lazily, each in a later chunk that exists', () => {
    const firstFiles = firstLoad();
    const first = firstFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
    const later = scripts().filter((f) => !firstFiles.includes(f)).map((f) => readFileSync(f, 'utf8'));
    for (const marker of [LEXICAL, D3_COLOR, REPORT_BUILDER]) {
      expect(marker.test(first), `${marker} in the first load`).toBe(false);
      expect(later.some((code) => marker.test(code)), `${marker} in a later chunk`).toBe(true);
    }
  });

  it('keeps zod out of the first load: the renderer takes contract constants from the zod-free constants.ts', () => {
    const first = firstLoad().map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(ZOD.test(first), 'zod in the first load').toBe(false);
  });

  it("keeps only Dutch and English of react-aria's built-in strings", () => {
    const all = scripts().map((f) => readFileSync(f, 'utf8')).join('\n');
    // react-aria keys its string tables by locale; the others stay as keys
    // with no strings (`"de-DE":void 0`), Dutch and English keep theirs.
    expect(/"nl-NL":(?!void 0)/.test(all), 'Dutch strings').toBe(true);
    expect(/"en-US":(?!void 0)/.test(all), 'English strings').toBe(true);
    expect(/"de-DE":(?!void 0)/.test(all), 'German strings').toBe(false);
    expect(/"ja-JP":(?!void 0)/.test(all), 'Japanese strings').toBe(false);
  });
});
