// Issue 9 §5: choosing a building block in "Gecodeerde fragmenten" retrieves
// the passages of its sub-codes — exactly as many as the codebook and the
// matrix show for it, under the same filters — and "Met onderliggende codes"
// switches that off for the code's own codings only.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

/** A building block with no codings of its own, only in its sub-codes: the case of the issue. */
async function blockOf(h: Harness) {
  const block = (await h.inEngine(({ db, lib }) =>
    lib.listCodes(db).find((c) => c.role === 'building_block' && c.counts.segments === 0 && c.totals.segments > 1)))!;
  expect(block).toBeDefined();
  return { block };
}

async function pick(h: Harness, search: RegExp, list: RegExp, name: string) {
  const { page } = h;
  await page.getByRole('searchbox', { name: search }).fill(name.slice(0, 14));
  await page.getByRole('listbox', { name: list }).getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('searchbox', { name: search }).fill('');
}

describe('retrieval of a code with its sub-codes', () => {
  it('a building block retrieves what the codebook and the matrix count for it, per perspective too; AND; keyboard; axe', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    const { block } = await blockOf(h);

    // What the codebook shows for the block.
    const treeCount = page.getByRole('treegrid', { name: 'Codeboek' }).locator(`[data-code-id="${block.id}"] .count`);
    await treeCount.waitFor();
    expect(await treeCount.innerText()).toBe(String(block.totals.segments));

    // What the matrix shows for it per perspective (segments, with sub-codes).
    await page.getByRole('tab', { name: 'Analyse' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    await page.locator('.center__panel').getByText('Fragmenten', { exact: true }).click();
    const cells = (await table.getByRole('row', { name: new RegExp(block.name) }).first()
      .getByRole('button', { name: new RegExp(`^${block.name}, `) }).allInnerTexts()).map(Number);
    expect(cells).toHaveLength(PERSPECTIVES.length);
    const column = cells.findIndex((n) => n > 0);
    const perspective = PERSPECTIVES[column]!;

    // Retrieval: the block alone, sub-codes on by default.
    await page.getByRole('tab', { name: 'Fragmenten', exact: true }).click();
    await pick(h, /Zoek in het codeboek/, /Codes om op te halen/, block.name);
    const count = page.locator('.retrieval-count');
    await expect.poll(() => count.innerText()).toMatch(new RegExp(`^${block.totals.segments} fragmenten uit`));
    const rows = page.getByRole('list', { name: 'Gecodeerde fragmenten' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(block.totals.segments);
    const subcodes = page.getByRole('switch', { name: 'Met onderliggende codes' });
    expect(await subcodes.isChecked()).toBe(true);
    // The picker shows the same number beside the block.
    const option = page.getByRole('listbox', { name: /Codes om op te halen/ }).getByRole('option', { name: new RegExp(`^${block.name}`) });
    expect(await option.locator('.count').innerText()).toBe(String(block.totals.segments));

    // The perspective of the matrix column: the same number as its cell.
    await page.getByRole('button', { name: /Perspectief/ }).click();
    await page.getByRole('option', { name: createI18n('nl').t(`perspective.${perspective}`), exact: true }).click();
    await expect.poll(() => rows.count()).toBe(cells[column]);
    await expect.poll(() => count.innerText()).toMatch(new RegExp(`^${cells[column]} fragment(en)? uit`));
    await page.screenshot({ path: screenshotPath('retrieval-subcodes-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Switched off by keyboard: only the block's own codings, which it has none of.
    await subcodes.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => subcodes.isChecked()).toBe(false);
    await expect.poll(() => count.innerText()).toBe('Geen fragmenten voor deze codes en filters.');
    await expect.poll(() => option.locator('.count').innerText()).toBe('0');
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(cells[column]);

    // AND with another theme group, both with their sub-codes: what the service gives for the same query.
    await page.getByRole('button', { name: /Perspectief/ }).click();
    await page.getByRole('option', { name: 'Alle perspectieven' }).click();
    const other = (await h.inEngine(({ db, lib }) => lib.listCodes(db).find((c) => c.name === 'Wat is nodig')))!;
    await pick(h, /Zoek in het codeboek/, /Codes om op te halen/, other.name);
    await page.getByText(/^EN — /).click();
    const and = await h.inEngine(({ db, lib }, codeIds) =>
      lib.listSegments(db, { codeIds, mode: 'and', filter: {}, anonymise: true, context: 90, limit: 10_000 }), [block.id, other.id]);
    await expect.poll(async () => (and.total === 0 ? count.innerText() : String(await rows.count())))
      .toBe(and.total === 0 ? 'Geen fragmenten voor deze codes en filters.' : String(and.total));
    expect(h.pageErrors).toEqual([]);
  });

  it('English: the block with its sub-codes, and without', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    const { block } = await blockOf(h);
    await page.getByRole('tab', { name: 'Segments', exact: true }).click();
    await pick(h, /Search the codebook/, /Codes to retrieve/, block.name);
    const count = page.locator('.retrieval-count');
    await expect.poll(() => count.innerText()).toMatch(new RegExp(`^${block.totals.segments} segments from`));
    const subcodes = page.getByRole('switch', { name: 'Including sub-codes' });
    expect(await subcodes.isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('retrieval-subcodes-en') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByText('Including sub-codes').click();
    await expect.poll(() => count.innerText()).toBe('No segments for these codes and filters.');
    expect(h.pageErrors).toEqual([]);
  });
});
