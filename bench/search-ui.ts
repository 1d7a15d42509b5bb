// `node bench/search-ui.ts [project]`: query → rendered rows in the search view, in the browser harness,
// on the 500-transcript bench project (`npm run bench:report` leaves one at /tmp/bench500.duiding).
// Prints the figures per query (render, and the call alone); no pass or fail: a figure, not a test.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness } from '../test/harness/harness.ts';

const source = process.argv[2] ?? '/tmp/bench500.duiding';
if (!existsSync(source)) {
  process.stderr.write(`${source} is missing: run \`npm run bench:report\` first, or name a project.\n`);
  process.exit(1);
}
const path = join(mkdtempSync(join(tmpdir(), 'duiding-bench-search-')), 'bench.duiding');
copyFileSync(source, path);
const h = await launchHarness({ projectPath: path });
try {
  const { page } = h;
  await page.getByRole('tab', { name: 'Zoeken', exact: true }).click();
  const field = page.getByRole('searchbox', { name: 'Zoekvraag' });
  const figures: Record<string, number[]> = {};
  // Consecutive queries differ, so each one is a fresh search (results are not kept once off screen).
  const queries = ['huisarts', 'triage', '"sociaal domein"', 'financ*', 'huisarts', 'triage', '"sociaal domein"', 'financ*', 'huisarts', 'triage'];
  for (const [i, query] of queries.entries()) {
    await field.fill(query);
    await field.press('Enter');
    await page.waitForFunction((n) => performance.getEntriesByName('search-render').length === n, i + 1);
    const [ms, callMs] = await page.evaluate(() => ['search-render', 'search-call'].map((n) => performance.getEntriesByName(n).at(-1)!.duration));
    (figures[query] ??= []).push(Math.round(ms!));
    (figures[`${query} (call)`] ??= []).push(Math.round(callMs!));
  }
  for (const [query, ms] of Object.entries(figures)) process.stdout.write(`${query.padEnd(28)} ${ms.join(' ')} ms\n`);
} finally {
  await h.close();
}
