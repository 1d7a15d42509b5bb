// Issue 9 §2–3 in the real UI: report decisions are stored in the project.
// They survive every other view and sub-tab, a change of UI language and a
// restart; undo/redo work on them; every export format carries them; names in
// quotes are caught before an export and replaced by "[rol]" in one click.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { addTranscript } from '../helpers/transcript.ts';
import { applyCoding, updateCoding } from '../../src-main/services/coding-edit.ts';
import { findCodeByPath } from '../../src-main/services/codebook.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { editQuote, omitQuotes, setReportSettings } from '../../src-main/analysis/report-decisions.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const SHORT = '… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …';
const OMITTED = 'We kopen nog grotendeels per sector en per verrichting in';
const NOT_KEY = 'Maar de data komen uit vier verschillende systemen';

async function fileText(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  if (path.endsWith('.pdf')) return (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, ' ');
  if (path.endsWith('.docx') || path.endsWith('.xlsx')) {
    return Object.entries(unzipSync(bytes)).filter(([f]) => f.endsWith('.xml')).map(([, b]) => strFromU8(b)).join('\n');
  }
  return strFromU8(bytes);
}

const FORMAT_LABELS = { docx: 'Word (.docx)', html: 'Webpagina (.html)', md: 'Markdown (.md)', pdf: 'PDF (.pdf)', xlsx: 'Excel (.xlsx)', csv: 'CSV (.csv)' };

/** The shortened quote instead of the full one, the omitted quote gone, and (all segments) a passage that is no key quote. */
function expectDecisions(text: string, format: string): void {
  expect(text, format).toContain('twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar');
  expect(text, format).not.toContain('We hebben ons project nu twee jaar');
  expect(text, format).not.toContain(OMITTED);
  expect(text, format).toContain(NOT_KEY);
}

/** An example project with the decisions stored, as the builder stores them. */
function decidedProject(): string {
  const path = exampleProject();
  const db = openProjectDb(path);
  const coder = ensureUser(db, 'Onderzoeker');
  const guid = (words: string) => db.sqlite.prepare(`SELECT c.guid FROM codings c JOIN sources s ON s.id = c.source_id
    WHERE c.is_key_quote = 1 AND instr(substr(s.text, c.start + 1, c."end" - c.start), ?) > 0`).pluck().get(words) as string;
  editQuote(db, guid('transformatiegelden'), SHORT, coder);
  omitQuotes(db, [guid(OMITTED)], true, coder);
  setReportSettings(db, { keyQuotesOnly: false }, coder);
  db.close();
  return path;
}

async function visitEveryView(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Analyse' }).click();
  for (const tab of ['Matrix', 'Vergelijken', 'Samenhang', 'Grafieken', 'Overeenstemming']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
  }
  for (const view of ['Transcript', 'Fragmenten', 'Zoeken', 'Memo\'s', 'Wijzigingslog']) {
    const tab = page.getByRole('tab', { name: view, exact: true });
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  }
}

async function openReport(page: Page, lang: 'nl' | 'en') {
  await page.getByRole('tab', { name: lang === 'nl' ? 'Analyse' : 'Analysis' }).click();
  await page.getByRole('tab', { name: lang === 'nl' ? 'Rapport' : 'Report' }).click();
  const preview = page.getByRole('article', { name: lang === 'nl' ? 'Voorbeeld van het rapport' : 'Report preview' });
  await preview.getByRole('heading', { level: 3 }).first().waitFor();
  return preview;
}

describe('stored report decisions in the report builder', () => {
  it('survive every view, a UI language switch and a restart; undo/redo work on them', async () => {
    const path = exampleProject();
    harness = await launchHarness({ projectPath: path });
    let { page } = harness;
    let preview = await openReport(page, 'nl');
    const quotes = preview.locator('.report-quote');

    await quotes.filter({ hasText: OMITTED }).getByRole('button', { name: 'Weglaten' }).click();
    await expect.poll(() => quotes.filter({ hasText: OMITTED }).count()).toBe(0);
    const executive = quotes.filter({ hasText: 'transformatiegelden' }).first();
    await executive.getByRole('button', { name: 'Inkorten' }).click();
    await executive.getByRole('textbox').fill(SHORT);
    await executive.getByRole('button', { name: 'Toepassen' }).click();
    await preview.getByText(`“${SHORT}”`).waitFor();
    // The switch's label is what a user clicks (the input itself is visually hidden).
    await page.getByText(/^Alleen citaten/).click();
    await expect.poll(() => page.getByRole('switch', { name: /Alleen citaten/ }).isChecked()).toBe(false);
    await preview.getByText(NOT_KEY).first().waitFor();

    // Every other sub-tab and view, then the change log names each decision.
    await visitEveryView(page);
    const log = page.getByRole('table', { name: /Wijzigingslog/ });
    await log.getByText('Rapport: alle fragmenten als citaat').waitFor();
    await log.getByText(/^Citaat ingekort: “… twee jaar/).waitFor();
    await log.getByText(/^Citaat weggelaten uit het rapport: “We kopen nog/).waitFor();

    // The window's language changes; the report's choices do not.
    await page.getByRole('button', { name: /Nederlands/ }).click();
    await page.getByRole('option', { name: 'English' }).click();
    preview = await openReport(page, 'en');
    await preview.getByText(`“${SHORT}”`).waitFor();
    expect(await preview.locator('.report-quote').filter({ hasText: OMITTED }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: /Key quotes only/ }).isChecked()).toBe(false);
    // The report itself stays Dutch: its language is a stored choice.
    await preview.getByText(/Dit kwam aan bod bij/).first().waitFor();

    // Restart: the decisions are in the project file.
    await harness.close();
    harness = await launchHarness({ projectPath: path, language: 'en' });
    page = harness.page;
    preview = await openReport(page, 'en');
    await preview.getByText(`“${SHORT}”`).waitFor();
    await preview.getByText(NOT_KEY).first().waitFor();
    expect(await preview.locator('.report-quote').filter({ hasText: OMITTED }).count()).toBe(0);
    await page.getByRole('button', { name: 'Restore 1 omitted quote' }).waitFor();
    await page.screenshot({ path: screenshotPath('report-decisions-after-restart-en') });

    // Undo and redo, from the keyboard, work on the stored decisions.
    const keyOnly = page.getByRole('switch', { name: /Key quotes only/ });
    await page.locator('body').press('Control+z');
    await expect.poll(() => keyOnly.isChecked()).toBe(true);
    await expect.poll(() => preview.getByText(NOT_KEY).count()).toBe(0);
    await page.locator('body').press('Control+Shift+Z');
    await expect.poll(() => keyOnly.isChecked()).toBe(false);
    await preview.getByText(NOT_KEY).first().waitFor();

    expect(harness.pageErrors).toEqual([]);
  });

  for (const formats of [['docx', 'html', 'md'], ['xlsx', 'csv'], ['pdf']] as const) {
    it(`exports in ${formats.join(', ')} after visiting every other view carry every stored decision`, async () => {
      harness = await launchHarness({ projectPath: decidedProject() });
      const { page, shell } = harness;
      await visitEveryView(page);
      await openReport(page, 'nl');
      const dir = mkdtempSync(join(tmpdir(), 'duiding-report-e2e-'));
      for (const format of formats) {
        await page.getByRole('button', { name: /Bestandsformaat/ }).click();
        await page.getByRole('option', { name: FORMAT_LABELS[format] }).click();
        const file = join(dir, `rapport.${format}`);
        shell.dialogAnswers.push(file);
        await page.getByRole('button', { name: 'Exporteren…' }).click();
        await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
        await expect.poll(() => page.getByRole('button', { name: 'Exporteren…' }).isEnabled()).toBe(true);
        const text = await fileText(file);
        // The CSV is the appendix table (exact counts); it has no quotes, but follows the stored structure.
        if (format === 'csv') expect(text).toContain('Bekostiging en financiering');
        else expectDecisions(text, format);
      }
      expect(harness.pageErrors).toEqual([]);
    });
  }

  it('a name in a quote is caught before the export and replaced by [rol] in one click; a changed passage asks for a new edit (nl, axe)', async () => {
    const path = exampleProject();
    const db = openProjectDb(path);
    const coder = ensureUser(db, 'Onderzoeker');
    const jeroen = db.sqlite.prepare(`SELECT id FROM participants WHERE name = 'Jeroen Bosma'`).pluck().get() as number;
    const t = addTranscript(db, 'Vervolggesprek', [
      { speaker: 'Interviewer', text: 'En de samenwerking?', interviewer: true },
      { speaker: 'Jeroen', text: 'Precies wat Marieke zegt, we doen het samen of niet.', participantId: jeroen },
    ]);
    const [named] = applyCoding(db, { sourceId: t.sourceId, codeId: findCodeByPath(db, ['Domeinoverstijgende samenwerking'])!, ranges: [t.ranges[1]!], coderId: coder });
    updateCoding(db, named!, { isKeyQuote: true }, coder);
    // A quote shortened earlier, whose coding was widened afterwards.
    const stale = db.sqlite.prepare(`SELECT id, guid FROM codings WHERE is_key_quote = 1 AND code_id = (SELECT id FROM codes WHERE name = 'Regiobudget en transformatiegelden')`)
      .get() as { id: number; guid: string };
    editQuote(db, stale.guid, '… kunnen draaien op transformatiegelden …', coder);
    const text = db.sqlite.prepare('SELECT s.text FROM sources s JOIN codings c ON c.source_id = s.id WHERE c.id = ?').pluck().get(stale.id) as string;
    updateCoding(db, stale.id, { start: text.indexOf('niet bij ons.') }, coder);
    db.close();

    harness = await launchHarness({ projectPath: path });
    const { page, shell } = harness;
    const preview = await openReport(page, 'nl');
    await page.getByText('1 ingekort citaat moet opnieuw worden bekeken; het blijft buiten de export tot dan.').waitFor();
    const old = preview.locator('.report-quote--stale');
    await old.getByText('Eerdere inkorting: “… kunnen draaien op transformatiegelden …”').waitFor();
    // "Toon" brings the quote into view with its first action focused: the keyboard path to the fix.
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => old.getByRole('button', { name: 'Opnieuw inkorten' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.screenshot({ path: screenshotPath('report-stale-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await old.getByRole('button', { name: 'Opnieuw inkorten' }).click();
    await old.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => page.getByText(/moet opnieuw worden bekeken/).count()).toBe(0);

    // Export: the name check lists the place; one click replaces the name; then export.
    await page.getByRole('button', { name: /Bestandsformaat/ }).click();
    await page.getByRole('option', { name: 'Markdown (.md)' }).click();
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Namen in citaten' });
    await dialog.getByText('Op 1 plek staat een naam die het project kent.', { exact: false }).waitFor();
    await dialog.getByText('Gevonden: Marieke (deelnemer)').waitFor();
    await page.screenshot({ path: screenshotPath('report-names-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Vervang door [zorgprofessional]' }).click();
    await dialog.getByText('Geen namen meer gevonden.').waitFor();
    const file = join(mkdtempSync(join(tmpdir(), 'duiding-names-e2e-')), 'rapport.md');
    shell.dialogAnswers.push(file);
    await dialog.getByRole('button', { name: 'Exporteren…' }).click();
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('Precies wat \\[zorgprofessional\\] zegt');
    expect(md).not.toMatch(/Marieke|Jeroen/);
    // The substitution is shown as such in the preview.
    const sub = preview.locator('mark.report-quote__sub', { hasText: '[zorgprofessional]' });
    await sub.waitFor();
    await sub.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('report-substitution-nl') });
    expect(harness.pageErrors).toEqual([]);
  });
  it('the coded-segments export checks for names too, and the fix is in the report\'s language (en UI, axe)', async () => {
    const path = exampleProject();
    const db = openProjectDb(path);
    const coder = ensureUser(db, 'Onderzoeker');
    const jeroen = db.sqlite.prepare(`SELECT id FROM participants WHERE name = 'Jeroen Bosma'`).pluck().get() as number;
    const t = addTranscript(db, 'Vervolggesprek', [
      { speaker: 'Interviewer', text: 'En de samenwerking?', interviewer: true },
      { speaker: 'Jeroen', text: 'Precies wat Marieke zegt, we doen het samen of niet.', participantId: jeroen },
    ]);
    applyCoding(db, { sourceId: t.sourceId, codeId: findCodeByPath(db, ['Domeinoverstijgende samenwerking', 'Vertrouwen en gedeelde visie'])!, ranges: [t.ranges[1]!], coderId: coder });
    db.close();

    harness = await launchHarness({ projectPath: path, language: 'en' });
    const { page, shell } = harness;
    await page.getByRole('tab', { name: 'Segments', exact: true }).click();
    await page.getByRole('searchbox', { name: /Search the codebook/ }).fill('Vertrouwen en g');
    await page.getByRole('listbox', { name: /Codes to retrieve/ }).getByRole('option', { name: /Vertrouwen en gedeelde visie/ }).click();
    await page.getByRole('list', { name: 'Coded segments' }).getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: 'Export as CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Names in quotes' });
    await dialog.getByText('Found: Marieke (participant)').waitFor();
    await dialog.getByText(/^Transcript 4/).waitFor();
    await page.screenshot({ path: screenshotPath('segments-names-en') });
    expect(await seriousViolations(page)).toEqual([]);
    // The quote is Dutch and so is the report: the description is the report's Dutch label.
    await dialog.getByRole('button', { name: 'Replace with [zorgprofessional]' }).click();
    await dialog.getByText('No names found any more.').waitFor();
    const file = join(mkdtempSync(join(tmpdir(), 'duiding-segments-e2e-')), 'segments.csv');
    shell.dialogAnswers.push(file);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('Precies wat [zorgprofessional] zegt');
    expect(csv).not.toMatch(/Marieke|Jeroen|Vervolggesprek/);
    expect(harness.pageErrors).toEqual([]);
  });
});
