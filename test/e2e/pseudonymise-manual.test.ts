// Findings the reviewer makes in the pseudonymisation workspace (issue 16 §2):
// words selected in a context line are marked as personal data (every place
// they occur, in every transcript, joins the group); a finding's span is
// widened and narrowed with the keyboard; after apply the reader shows the
// pseudonyms and neither original. Axe and a screenshot.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import { selectIn } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('pseudonymisation: findings made by the reviewer', () => {
  it('marks selected words everywhere, edits a span by keyboard, applies; the reader shows only the pseudonyms (nl)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'duiding-pseudo-manual-'));
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page, emit, shell } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().waitFor();
    emit('command.invoke', { id: 'view.pseudonymise' });
    await page.getByRole('button', { name: 'Persoonsgegevens zoeken' }).click();
    const groups = page.getByRole('listbox', { name: 'Vondsten, gegroepeerd per tekst' });
    await groups.getByRole('option').first().waitFor({ timeout: 30_000 });
    const before = await groups.getByRole('option').count();

    // Span, keys as for a coding in the reader: "Twente" in focus, Alt+← takes the word before (twice), Alt+→ gives one back.
    const twente = groups.getByRole('option').filter({ has: page.locator('.pseudo__text', { hasText: /^Twente$/ }) });
    await twente.click();
    await expect.poll(() => twente.getAttribute('aria-selected')).toBe('true');
    const active = groups.locator('[aria-selected="true"] .pseudo__text');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => active.textContent()).toBe('regio Twente');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => active.textContent()).toBe('de regio Twente');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => active.textContent()).toBe('regio Twente');
    // Alt+Shift+→ takes the next word at the end, Alt+Shift+← drops it again.
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(() => active.textContent()).not.toBe('regio Twente');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => active.textContent()).toBe('regio Twente');
    await page.getByRole('region', { name: 'regio Twente' }).locator('mark').filter({ hasText: 'regio Twente' }).waitFor();
    await page.keyboard.press('Enter');
    const regio = groups.getByRole('option').filter({ has: page.locator('.pseudo__text', { hasText: /^regio Twente$/ }) });
    await expect.poll(() => regio.textContent()).toContain('bevestigd →');
    const regioPseudonym = (await regio.locator('.pseudo__state').textContent())!.split('→ ')[1]!;

    // Mark by selection: part of a word in the context line of "Groningen" becomes the whole word.
    await groups.getByRole('option').filter({ has: page.locator('.pseudo__text', { hasText: /^Groningen$/ }) }).click();
    const detail = page.getByRole('region', { name: 'Groningen' });
    await detail.getByText('Selecteer woorden in een regel hierboven').waitFor();
    await selectIn(h, '.pseudo__context', 'igenlij');
    const mark = page.getByRole('group', { name: 'Markeren als persoonsgegeven' });
    await mark.getByText('eigenlijk', { exact: true }).waitFor();
    await mark.getByLabel('Soort').selectOption({ label: 'organisatie' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('pseudonymise-mark-nl') });
    await mark.getByRole('button', { name: 'Markeren als persoonsgegeven' }).click();
    // A group of its own, confirmed and in focus; every place in all three transcripts (5 in the example) joined it.
    const added = groups.getByRole('option').filter({ has: page.locator('.pseudo__text', { hasText: /^eigenlijk$/ }) });
    await expect.poll(() => added.textContent()).toContain('5×');
    await expect.poll(() => added.getAttribute('aria-selected')).toBe('true');
    expect(await added.locator('.pseudo__state').textContent()).toBe('bevestigd → [organisatie 1]');
    expect(await groups.getByRole('option').count()).toBe(before + 1);
    await expect.poll(() => page.getByRole('region', { name: 'eigenlijk' }).locator('.pseudo__contexts li').count()).toBe(5);
    // The kind of a finding can be corrected, by keyboard: the placeholder follows it (numbered after the names in use),
    // and back again.
    const kind = page.getByRole('region', { name: 'eigenlijk' }).getByRole('combobox', { name: 'Soort van deze vondst' });
    await kind.focus();
    await page.keyboard.press('Home'); // the first kind: persoon
    await expect.poll(() => added.locator('.pseudo__state').textContent()).toMatch(/^bevestigd → \[naam \d+\]$/);
    expect(await added.locator('.pseudo__category').textContent()).toBe('persoon');
    await page.keyboard.press('o');
    await expect.poll(() => added.locator('.pseudo__state').textContent()).toBe('bevestigd → [organisatie 1]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('pseudonymise-added-nl') });

    // Apply: nothing was replaced before this.
    await page.getByRole('button', { name: 'Toepassen…' }).click();
    const apply = page.getByRole('alertdialog', { name: 'Pseudonimisering toepassen' });
    shell.dialogAnswers.push(join(out, 'sleutel.key'));
    await apply.getByRole('button', { name: 'Plek voor het sleutelbestand kiezen…' }).click();
    await apply.getByText('Sleutelbestand: sleutel.key').waitFor();
    await apply.getByLabel('Wachtwoord', { exact: true }).fill('lang genoeg geheim');
    await apply.getByLabel('Wachtwoord nogmaals').fill('lang genoeg geheim');
    const go = apply.getByRole('button', { name: 'Definitief toepassen' });
    await expect.poll(() => go.isDisabled()).toBe(false);
    await go.click();
    await page.getByRole('status').filter({ hasText: /Gepseudonimiseerd: \d+ vervangingen in 3 transcripten/ }).waitFor({ timeout: 30_000 });

    // The reader shows the pseudonyms where the originals were.
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option', { name: /zorgverzekeraar/ }).click();
    await page.getByRole('tab', { name: 'Transcript', exact: true }).click();
    const article = page.getByRole('article');
    await expect.poll(() => article.textContent()).toContain(`de ${regioPseudonym}`);
    const text = (await article.textContent())!;
    expect(text).toContain('[organisatie 1]');
    expect(text).not.toContain('regio Twente');
    expect(text).not.toContain('eigenlijk');
    await page.screenshot({ path: screenshotPath('pseudonymise-reader-after-nl') });
  }, 180_000);
});
