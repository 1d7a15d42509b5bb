import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('matrix view', () => {
  it('shows building blocks × perspectives with the service numbers; a cell opens exactly its passages; keyboard and axe', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    await page.getByRole('tab', { name: 'Analyse' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    const expected = await harness.inEngine(({ db, lib }, by) => lib.buildMatrix(db, by), 'perspective' as const);
    const vulnerable = expected.rows.find((r) => r.name === 'Kwetsbare groepen')!;
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.split('\n')[0])).toEqual(['Code', 'Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij']);
    // Default count: participants, subtree totals.
    const row = table.getByRole('row', { name: /Kwetsbare groepen/ }).first();
    const cells = await row.getByRole('button', { name: /Kwetsbare groepen, / }).allInnerTexts();
    expect(cells.map(Number)).toEqual(vulnerable.totals.map((c) => c.participants));

    // Segments count, then open the inwoner cell: the panel lists exactly that many passages.
    await page.locator('.center__panel').getByText('Fragmenten', { exact: true }).click();
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
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /Perspectives/ }).click();
    await page.getByRole('option', { name: 'Learning regions' }).click();
    const expected = await harness.inEngine(({ db, lib }, by) => lib.buildMatrix(db, by), 'region' as const);
    await expect.poll(async () => (await page.getByRole('columnheader').allInnerTexts()).length).toBe(expected.columns.length + 1);
    await page.getByText(/As a share/).click();
    const row = page.getByRole('table').getByRole('row', { name: /Kwetsbare groepen/ }).first();
    const shares = await row.getByRole('button', { name: /Kwetsbare groepen, / }).allInnerTexts();
    const vulnerable = expected.rows.find((r) => r.name === 'Kwetsbare groepen')!;
    expect(shares).toEqual(vulnerable.totals.map((c, i) => `${Math.round((c.participants / expected.columns[i]!.participants) * 100)}%`));
    await page.screenshot({ path: screenshotPath('matrix-en'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('co-occurrence table and network; a pair opens its places; charts export as SVG and PNG', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page, shell } = harness;
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Samenhang' }).click();
    await page.getByRole('radio', { name: /dezelfde spreekbeurt/ }).waitFor({ state: 'attached' });
    await page.getByText(/ze in dezelfde spreekbeurt staan/).click();
    const expected = await harness.inEngine(({ db, lib }, unit) => lib.cooccurrence(db, unit), 'turn' as const);
    expect(expected.pairs.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.cooc__table tbody tr').count()).toBe(Math.min(40, expected.pairs.length));
    await expect.poll(() => page.locator('.cooc__svg line').count()).toBe(expected.pairs.length);
    const top = expected.pairs[0]!;
    await page.locator('.cooc__table tbody tr').first().getByRole('button').click();
    const places = page.getByRole('region').filter({ has: page.locator('#pair-title') });
    await expect.poll(() => places.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await places.getByRole('listitem').count()).toBeLessThanOrEqual(top.count);
    await page.screenshot({ path: screenshotPath('cooccurrence-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Charts: grouped bars per perspective, saved as SVG and as PNG through the save dialog.
    await page.getByRole('tab', { name: 'Grafieken' }).click();
    const chart = page.getByRole('img', { name: /Bouwstenen per perspectief/ });
    await chart.waitFor();
    expect(await chart.locator('rect[fill="#E69F00"]').count()).toBeGreaterThanOrEqual(5);
    const dir = mkdtempSync(join(tmpdir(), 'duiding-chart-'));
    shell.dialogAnswers.push(join(dir, 'chart.svg'));
    await page.getByRole('button', { name: 'Opslaan als SVG…' }).click();
    await expect.poll(() => existsSync(join(dir, 'chart.svg')), { timeout: 10_000 }).toBe(true);
    const svg = readFileSync(join(dir, 'chart.svg'), 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('Bekostiging en financiering');
    expect(svg).toContain('Regulerende partij');
    shell.dialogAnswers.push(join(dir, 'chart.png'));
    await page.getByRole('button', { name: 'Opslaan als PNG…' }).click();
    await expect.poll(() => existsSync(join(dir, 'chart.png')), { timeout: 10_000 }).toBe(true);
    const png = readFileSync(join(dir, 'chart.png'));
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1536); // width: (720 + 2 × 24 px margin, issue 11 §5) × 2
    await page.screenshot({ path: screenshotPath('charts-nl') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('report builder: preview, leave out a quote, shorten one honestly, export DOCX', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page, shell } = harness;
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Rapport' }).click();
    const preview = page.getByRole('article', { name: 'Voorbeeld van het rapport' });
    await preview.getByRole('heading', { name: 'Bekostiging en financiering' }).waitFor();
    const quotes = preview.locator('.report-quote');
    const before = await quotes.count();
    expect(before).toBeGreaterThan(2);
    // Leave out the regulator's quote on funding.
    const regulator = quotes.filter({ hasText: 'per sector en per verrichting' });
    await regulator.getByRole('button', { name: 'Weglaten' }).click();
    await expect.poll(() => quotes.count()).toBe(before - 1);
    // Shorten the executive's quote: words that were not said are refused, an honest cut is applied.
    const executive = quotes.filter({ hasText: 'transformatiegelden' }).first();
    await executive.getByRole('button', { name: 'Inkorten' }).click();
    const field = executive.getByRole('textbox');
    await field.fill('We hebben nooit transformatiegelden gehad.');
    await executive.getByRole('alert').waitFor();
    expect(await executive.getByRole('button', { name: 'Toepassen' }).isDisabled()).toBe(true);
    await field.fill('… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …');
    await executive.getByRole('button', { name: 'Toepassen' }).click();
    await preview.getByText('“… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …”').waitFor();
    // The analyst's own quote label and a stricter wording threshold.
    await page.getByRole('button', { name: 'Woorden en labels…' }).click();
    await page.getByRole('textbox', { name: 'Bestuurder' }).fill('Bestuurder zorggroep');
    // Stored when the field is left: one undoable step, not one per key.
    await page.keyboard.press('Tab');
    await preview.getByText('— Bestuurder zorggroep').first().waitFor();
    await page.screenshot({ path: screenshotPath('report-builder-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'duiding-report-'));
    shell.dialogAnswers.push(join(dir, 'rapport.docx'));
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    await expect.poll(() => existsSync(join(dir, 'rapport.docx')), { timeout: 30_000 }).toBe(true);
    const doc = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'rapport.docx'))))['word/document.xml']!);
    expect(doc).toContain('… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …');
    expect(doc).not.toContain('We kopen nog grotendeels per sector');
    expect(doc).toContain('— Bestuurder zorggroep');
    // The chart is embedded as a picture with its title as caption.
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'rapport.docx'))));
    expect(Object.keys(files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    expect(doc).toContain('Bouwstenen per perspectief (deelnemers)');
  });

  it('report builder in English', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const { page } = harness;
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.getByRole('tab', { name: 'Report' }).click();
    const preview = page.getByRole('article', { name: 'Report preview' });
    // The report's language is a stored choice of its own (Dutch by default), not the window's.
    await preview.getByText(/Dit kwam aan bod bij/).first().waitFor();
    await page.getByRole('radiogroup', { name: 'Report language' }).getByText('English').click();
    await preview.getByText(/This came up with/).first().waitFor();
    await preview.getByRole('heading', { name: 'Funding and financing' }).waitFor();
    await page.screenshot({ path: screenshotPath('report-builder-en') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('perspective comparison: segments side by side, a tag and a tagged pair with a note, removal', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    const tags = () => harness!
      .all<{ tag: string; pair: number; note: string }>('SELECT tag, other_coding_id IS NOT NULL AS pair, note FROM comparison_tags ORDER BY id');
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Vergelijken' }).click();
    const picker = page.getByRole('combobox', { name: 'Code' });
    await picker.fill('Kwetsbare');
    await page.getByRole('option', { name: 'Kwetsbare groepen' }).click();
    const column = (name: RegExp) => page.getByRole('region', { name });
    await column(/Inwoner\/patiënt/).getByRole('article').first().waitFor();
    const inwoner = column(/Inwoner\/patiënt/).getByRole('article').first();
    const professional = column(/Zorgprofessional/).getByRole('article').first();

    await inwoner.getByRole('button', { name: 'Sluit aan' }).click();
    await expect.poll(tags).toEqual([{ tag: 'agrees', pair: 0, note: '' }]);
    await inwoner.locator('.compare__tag--agrees').waitFor();

    await page.getByRole('textbox', { name: 'Notitie bij de markering' }).fill('Zelfde groep, ander beeld');
    await inwoner.getByRole('button', { name: 'Koppel aan…' }).click();
    await page.getByRole('status').filter({ hasText: 'een paar vormt' }).waitFor();
    await professional.getByRole('button', { name: 'Spreekt tegen' }).click();
    await expect.poll(tags).toEqual([{ tag: 'agrees', pair: 0, note: '' }, { tag: 'contradicts', pair: 1, note: 'Zelfde groep, ander beeld' }]);
    await professional.getByText(/Spreekt tegen — met:/).waitFor();
    await page.screenshot({ path: screenshotPath('compare-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    await inwoner.getByRole('button', { name: 'Markering weghalen' }).first().click();
    await expect.poll(async () => (await tags()).length).toBe(1);
  });
});
