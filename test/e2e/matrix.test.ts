import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { buildMatrix } from '../../src-main/analysis/matrix.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('matrix view', () => {
  it('shows building blocks × perspectives with the service numbers; a cell opens exactly its passages; keyboard and axe', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    await page.getByRole('tab', { name: 'Matrix' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    const expected = buildMatrix(harness.session.requireProject(), 'perspective');
    const vulnerable = expected.rows.find((r) => r.name === 'Kwetsbare groepen')!;
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.split('\n')[0])).toEqual(['Code', 'Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij']);
    // Default count: participants, subtree totals.
    const row = table.getByRole('row', { name: /Kwetsbare groepen/ }).first();
    const cells = await row.getByRole('button', { name: /Kwetsbare groepen, / }).allInnerTexts();
    expect(cells.map(Number)).toEqual(vulnerable.totals.map((c) => c.participants));

    // Segments count, then open the inwoner cell: the panel lists exactly that many passages.
    await page.getByText('Fragmenten', { exact: true }).click();
    const segCells = await row.getByRole('button', { name: /Kwetsbare groepen, / }).allInnerTexts();
    expect(segCells.map(Number)).toEqual(vulnerable.totals.map((c) => c.segments));
    await row.getByRole('button', { name: /Kwetsbare groepen, Inwoner\/patiënt/ }).click();
    const panel = page.getByRole('region', { name: /Kwetsbare groepen — Inwoner\/patiënt/ });
    await panel.waitFor();
    await expect.poll(() => panel.getByRole('listitem').count()).toBe(vulnerable.totals[0]!.segments);
    await page.screenshot({ path: screenshotPath('matrix-nl'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: the focused cell moves with arrow keys; Enter opens the cell below.
    await row.getByRole('button', { name: /Kwetsbare groepen, Inwoner\/patiënt/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /Kwetsbare groepen — Zorgprofessional/ }).waitFor();

    // A passage jumps to its place in the transcript.
    const first = page.getByRole('region', { name: /Kwetsbare groepen — Zorgprofessional/ }).getByRole('listitem').first();
    const quote = (await first.locator('blockquote').innerText()).trim();
    await first.getByRole('button', { name: /Ga naar/ }).click();
    await page.getByRole('article').waitFor();
    await expect.poll(() => page.getByRole('article').innerText()).toContain(quote.slice(0, 30));
  });

  it('English, columns by learning region, share of participants', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const { page } = harness;
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /Perspectives/ }).click();
    await page.getByRole('option', { name: 'Learning regions' }).click();
    const expected = buildMatrix(harness.session.requireProject(), 'region');
    await expect.poll(async () => (await page.getByRole('columnheader').allInnerTexts()).length).toBe(expected.columns.length + 1);
    await page.getByText(/As a share/).click();
    const row = page.getByRole('table').getByRole('row', { name: /Kwetsbare groepen/ }).first();
    const shares = await row.getByRole('button', { name: /Kwetsbare groepen, / }).allInnerTexts();
    const vulnerable = expected.rows.find((r) => r.name === 'Kwetsbare groepen')!;
    expect(shares).toEqual(vulnerable.totals.map((c, i) => `${Math.round((c.participants / expected.columns[i]!.participants) * 100)}%`));
    await page.screenshot({ path: screenshotPath('matrix-en'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
