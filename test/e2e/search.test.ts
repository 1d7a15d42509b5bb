import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import type { SearchOptions } from '../../src-main/search/search.ts';
import { SEARCH_CONTEXT } from '../../src-shared/contracts/constants.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const codingsOf = (h: Harness, code: string) =>
  h.all<{ sourceId: number; start: number; end: number }>(
    'SELECT c.source_id AS sourceId, c.start, c."end" FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = ? ORDER BY c.id',
    code,
  );
/** The search service on the open project, in the engine thread. */
const searchText = (h: Harness, options: SearchOptions) => h.inEngine(({ db, lib }, o) => lib.searchText(db, o), options);

describe('search view', () => {
  it('finds a stem variant with keyword in context, filters by perspective, autocodes two checked hits, one Ctrl+Z undoes them', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await page.getByRole('article').or(page.getByRole('tab', { name: 'Zoeken', exact: true })).first().waitFor();
    await page.keyboard.press('Control+Shift+F');
    const field = page.getByRole('searchbox', { name: 'Zoekvraag' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

    // The plural finds the singular too; interviewer questions are left out by default.
    await field.fill('huisartsen');
    const list = page.getByRole('listbox', { name: 'Treffers' });
    const rows = list.getByRole('option');
    // The view asks for a sentence of context each side (issue 11 §4).
    const all = await searchText(h, { query: 'huisartsen', interviewer: false, ...SEARCH_CONTEXT });
    expect(all.hits.map((x) => x.match)).toContain('huisarts');
    await expect.poll(() => page.locator('.search-summary').innerText()).toContain(`${all.hits.length} treffers`);
    const first = all.hits[0]!;
    await expect.poll(() => rows.first().locator('.kwic__match').innerText()).toBe(first.match);
    expect(await rows.first().locator('.kwic__before').textContent()).toBe(first.before);
    expect(await rows.first().locator('.kwic__after').textContent()).toBe(first.after);
    expect(await rows.first().locator('.kwic__meta').innerText()).toContain(first.sourceName);
    const matches = await list.locator('.kwic__match').allInnerTexts();
    expect(matches).toContain('huisarts');
    expect(matches).toContain('huisartsen');
    // Role and perspective, never the name in the transcript.
    const meta = (await list.locator('.kwic__meta').allInnerTexts()).join('\n');
    for (const x of all.hits) if (x.speakerLabel && x.speakerLabel !== x.role) expect(meta).not.toContain(x.speakerLabel);

    // Perspective filter: only inwoner hits remain.
    await page.getByRole('button', { name: /Perspectief/ }).click();
    await page.getByRole('option', { name: 'Inwoner/patiënt', exact: true }).click();
    const inwoner = await searchText(h, { query: 'huisartsen', perspective: 'inwoner', interviewer: false });
    expect(inwoner.hits.length).toBeGreaterThanOrEqual(2);
    expect(inwoner.hits.length).toBeLessThan(all.hits.length);
    await expect.poll(() => rows.count()).toBe(inwoner.hits.length);
    expect(new Set(await list.locator('.kwic__meta .badge').allInnerTexts())).toEqual(new Set(['Inwoner/patiënt']));

    // Check two hits: a click on the first box, Space on the second row.
    await rows.nth(0).locator('.kwic__check').click();
    await rows.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await rows.nth(0).getAttribute('aria-selected')).toBe('true');
    if (inwoner.hits.length > 2) expect(await rows.nth(2).getAttribute('aria-selected')).toBe('false');

    // Choose a code by typing; the scope follows the checks.
    const codeName = 'Overbelaste mantelzorg';
    const before = await codingsOf(h, codeName);
    await page.getByRole('combobox', { name: 'Code' }).fill('overbelast');
    await page.getByRole('option', { name: codeName }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Aangevinkte treffers (2)' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Voorbeeld…' }).click();
    const dialog = page.getByRole('dialog', { name: `Automatisch coderen met “${codeName}”` });
    await dialog.getByText('2 nieuwe coderingen').waitFor();
    const inSources = new Set(inwoner.hits.slice(0, 2).map((x) => x.sourceId)).size;
    await expect.poll(() => dialog.innerText()).toContain(`2 nieuwe coderingen in ${inSources} transcript`);
    await page.screenshot({ path: screenshotPath('search-autocode-preview-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '2 coderingen maken' }).click();
    await expect.poll(async () => (await codingsOf(h, codeName)).length).toBe(before.length + 2);
    const made = (await codingsOf(h, codeName)).slice(before.length);
    expect(made).toEqual(inwoner.hits.slice(0, 2).map(({ sourceId, start, end }) => ({ sourceId, start, end })));
    await page.getByRole('status').filter({ hasText: `2 coderingen gemaakt met “${codeName}”` }).waitFor();
    await expect.poll(() => list.locator('[aria-selected="true"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('search-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // One Ctrl+Z removes both.
    await rows.first().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => codingsOf(h, codeName)).toEqual(before);
    await page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt' }).waitFor();

    // Enter on a hit opens its place in the transcript.
    await rows.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('article').waitFor();
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect(selected).toBe(inwoner.hits[1]!.match);
    // Back in the search view, the query, filter and results are still there.
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => rows.count()).toBe(inwoner.hits.length);
    expect(await field.inputValue()).toBe('huisartsen');
    expect(h.pageErrors).toEqual([]);
  });

  it('English: phrase query, autocode of all hits by speaker turn, nothing left to code the second time', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    await page.getByRole('tab', { name: 'Search', exact: true }).click();
    const field = page.getByRole('searchbox', { name: 'Query' });
    await field.fill('"de huisarts"');
    await field.press('Enter');
    const expected = await searchText(h, { query: '"de huisarts"', interviewer: false });
    expect(expected.hits.length).toBeGreaterThan(0);
    const rows = page.getByRole('listbox', { name: 'Hits' }).getByRole('option');
    await expect.poll(() => rows.count()).toBe(expected.hits.length);
    await page.getByText('Include interviewer questions').click();
    const withInterviewer = await searchText(h, { query: '"de huisarts"' });
    await expect.poll(() => rows.count()).toBe(withInterviewer.hits.length);
    await page.getByText('Include interviewer questions').click();
    await expect.poll(() => rows.count()).toBe(expected.hits.length);

    const codeName = 'Bereik en toegankelijkheid';
    const before = (await codingsOf(h, codeName)).length;
    await page.getByRole('combobox', { name: 'Code' }).fill('bereik');
    await page.getByRole('option', { name: codeName }).click();
    await page.getByText('The whole speaker turn').click();
    await page.screenshot({ path: screenshotPath('search-en') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Preview…' }).click();
    const dialog = page.getByRole('dialog', { name: `Autocode with “${codeName}”` });
    await dialog.getByText(/new coding/).waitFor();
    const lead = await dialog.locator('.autocode-dialog__lead').innerText();
    const turns = Number(/(\d+) new coding/.exec(lead)![1]);
    expect(turns).toBeGreaterThan(0);
    expect(turns).toBeLessThanOrEqual(expected.hits.length);
    await page.screenshot({ path: screenshotPath('search-autocode-preview-en') });
    await dialog.getByRole('button', { name: /^Make \d+ coding/ }).click();
    await expect.poll(async () => (await codingsOf(h, codeName)).length).toBe(before + turns);
    // Every new coding is a whole turn that holds a hit.
    const turnRows = await h.all<{ sourceId: number; start: number; end: number }>('SELECT source_id AS sourceId, start, "end" FROM turns');
    for (const c of (await codingsOf(h, codeName)).slice(before)) {
      expect(turnRows.some((t) => t.sourceId === c.sourceId && t.start <= c.start && t.end >= c.end && c.end - c.start >= t.end - t.start - 2)).toBe(true);
    }
    // Again: the preview says there is nothing new, and the button stays disabled.
    await page.getByRole('button', { name: 'Preview…' }).click();
    await page.getByRole('dialog').getByText(/Nothing new to code/).waitFor();
    expect(await page.getByRole('dialog').getByRole('button', { name: /^Make 0 codings/ }).isDisabled()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(h.pageErrors).toEqual([]);
  });
});
