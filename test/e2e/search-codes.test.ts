// Issue 9 §5 in search: "Gecodeerd met" a building block finds the words in
// the passages of its sub-codes (as the codebook counts it); "Met onderliggende
// codes" off leaves only the block's own codings.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import type { SearchOptions } from '../../src-main/search/search.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const QUERY = 'de OF het OF een OF en';

async function blockOf(h: Harness) {
  const block = (await h.inEngine(({ db, lib }) =>
    lib.listCodes(db).find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 1)))!;
  expect(block).toBeDefined();
  return block;
}

const searchText = (h: Harness, options: SearchOptions) => h.inEngine(({ db, lib }, o) => lib.searchText(db, o), options);

async function searchWithin(h: Harness, labels: { tab: RegExp; query: string; code: RegExp }, blockName: string) {
  const { page } = h;
  await page.getByRole('tab', { name: labels.tab }).click();
  await page.getByRole('searchbox', { name: labels.query }).fill(QUERY);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: labels.code }).click();
  await page.getByRole('option', { name: blockName, exact: true }).click();
}

describe('search within a code and its sub-codes', () => {
  it('nl: a building block finds the hits in its sub-codes\' passages; switched off, none; keyboard; axe', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    const block = await blockOf(h);
    await searchWithin(h, { tab: /^Zoeken$/, query: 'Zoekvraag', code: /Gecodeerd met/ }, block.name);
    const expected = await searchText(h, { query: QUERY, interviewer: false, codeIds: [block.id], context: 70 });
    const everywhere = await searchText(h, { query: QUERY, interviewer: false, context: 70 });
    expect(expected.hits.length).toBeGreaterThan(1);
    expect(expected.hits.length).toBeLessThan(everywhere.hits.length);
    const rows = page.getByRole('listbox', { name: 'Treffers' }).getByRole('option');
    await expect.poll(() => rows.count()).toBe(expected.hits.length);
    await expect.poll(() => page.locator('.search-summary').innerText()).toContain(`${expected.hits.length} treffers`);
    expect(await rows.locator('.kwic__match').allInnerTexts()).toEqual(expected.hits.map((x) => x.match));
    const subcodes = page.getByRole('switch', { name: 'Met onderliggende codes' });
    expect(await subcodes.isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('search-codes-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    await subcodes.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => subcodes.isChecked()).toBe(false);
    await page.getByText('Geen treffers voor deze zoekvraag en filters.').waitFor();
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(expected.hits.length);

    // Back to all text: every hit again.
    await page.getByRole('button', { name: /Gecodeerd met/ }).click();
    await page.getByRole('option', { name: 'Alle tekst', exact: true }).click();
    await expect.poll(() => page.locator('.search-summary').innerText()).toContain(`${everywhere.hits.length} treffers`);
    await expect.poll(() => subcodes.count()).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });

  it('en: the same filter in English', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    const block = await blockOf(h);
    await searchWithin(h, { tab: /^Search$/, query: 'Query', code: /Coded with/ }, block.name);
    const expected = await searchText(h, { query: QUERY, interviewer: false, codeIds: [block.id] });
    await expect.poll(() => page.locator('.search-summary').innerText()).toContain(`${expected.hits.length} hits`);
    const subcodes = page.getByRole('switch', { name: 'Including sub-codes' });
    expect(await subcodes.isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('search-codes-en') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
