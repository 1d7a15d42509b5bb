// Pseudonymisation in the real UI (issue 16 §7, §9): an export that would name
// participants is stopped by the leak check (nothing written); detection in the
// example project; keyboard review of the findings grouped by text; apply with
// a key file and a passphrase given twice; undo explains instead of acting; a
// report exported afterwards passes the leak check. Axe and screenshots, nl and en.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('pseudonymisation workspace', () => {
  it('leak check stops an export; detect, review by keyboard, apply with a key; undo explains; a report passes (nl)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'duiding-pseudo-e2e-'));
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page, emit, shell } = harness;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().waitFor();

    // Before pseudonymising: the attribute sheet would name the participants.
    const sheet = join(out, 'kenmerken.xlsx');
    shell.dialogAnswers.push(sheet);
    emit('command.invoke', { id: 'exchange.exportAttributes' });
    const leak = page.getByRole('alertdialog', { name: 'Originele gegevens in kenmerken.xlsx' });
    await leak.getByText('Marieke Hoekstra').waitFor();
    await leak.getByText(/naam bekend in het project/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('pseudonymise-leak-nl') });
    // Stop is the default: Enter on the focused button writes nothing.
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Export gestopt: er is niets geschreven.' }).waitFor();
    expect(existsSync(sheet)).toBe(false);

    // The workspace from the View menu; detection in the worker.
    emit('command.invoke', { id: 'view.pseudonymise' });
    // Progress while the worker searches, and Stop: nothing found, nothing changed, the search can start again.
    // (Loading the word list in the worker takes well over a second, so the progress is there to see.)
    await page.getByRole('button', { name: 'Persoonsgegevens zoeken' }).click();
    await page.getByRole('progressbar', { name: 'Zoeken in transcripten…' }).waitFor();
    await page.getByRole('button', { name: 'Stoppen' }).click();
    await page.getByText('De detectie is gestopt. Er is niets gewijzigd.').waitFor();
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(0);
    await page.getByRole('button', { name: 'Persoonsgegevens zoeken' }).click();
    const groups = page.getByRole('listbox', { name: 'Vondsten, gegroepeerd per tekst' });
    await groups.getByRole('option').first().waitFor({ timeout: 30_000 });
    const count = await groups.getByRole('option').count();
    expect(count).toBeGreaterThan(1);
    await page.getByRole('status').filter({ hasText: `${count} vondsten, 0 bevestigd` }).waitFor();

    // Keyboard review: first group confirmed with Enter, the next rejected with Delete, then back and edit the pseudonym.
    await groups.focus();
    const first = groups.getByRole('option').nth(0);
    const second = groups.getByRole('option').nth(1);
    const firstText = (await first.locator('.pseudo__text').textContent())!;
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Delete');
    await expect.poll(() => second.textContent()).toContain('afgewezen');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => first.textContent()).toContain('bevestigd');
    await page.keyboard.press('e');
    const replacement = page.getByRole('textbox', { name: 'Vervangen door' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pseudo-replacement');
    await replacement.fill('[stad]');
    await page.keyboard.press('Enter');
    await expect.poll(() => first.textContent()).toContain('bevestigd → [stad]');
    // The context line of the group in focus shows where it was found.
    await page.getByRole('region', { name: firstText }).locator('mark').first().waitFor();
    await page.getByRole('status').filter({ hasText: `${count} vondsten, 1 bevestigd` }).waitFor();
    // Filter by kind: only that kind stays.
    await page.getByRole('combobox', { name: 'Soort', exact: true }).selectOption({ label: 'plaats' });
    await expect.poll(async () => (await groups.locator('.pseudo__category').allTextContents()).every((c) => c === 'plaats')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('pseudonymise-review-nl') });

    // Apply: the warning first; the key goes where the user chooses, with the passphrase twice.
    await page.getByRole('button', { name: 'Toepassen…' }).click();
    const apply = page.getByRole('alertdialog', { name: 'Pseudonimisering toepassen' });
    await apply.getByText(/Dit is definitief/).waitFor();
    const go = apply.getByRole('button', { name: 'Definitief toepassen' });
    expect(await go.isDisabled()).toBe(true);
    const keyPath = join(out, 'sleutel.key');
    shell.dialogAnswers.push(keyPath);
    await apply.getByRole('button', { name: 'Plek voor het sleutelbestand kiezen…' }).click();
    await apply.getByText('Sleutelbestand: sleutel.key').waitFor();
    await apply.getByLabel('Wachtwoord', { exact: true }).fill('lang genoeg geheim');
    await apply.getByLabel('Wachtwoord nogmaals').fill('lang genoeg gehei');
    await apply.getByRole('alert').filter({ hasText: 'De wachtwoorden zijn niet gelijk.' }).waitFor();
    expect(await go.isDisabled()).toBe(true);
    await apply.getByLabel('Wachtwoord nogmaals').fill('lang genoeg geheim');
    await expect.poll(() => go.isDisabled()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('pseudonymise-apply-nl') });
    await go.click();
    await page.getByRole('status').filter({ hasText: /Gepseudonimiseerd: \d+ vervangingen in \d+ transcripten/ }).waitFor({ timeout: 30_000 });
    expect(existsSync(keyPath)).toBe(true);
    await page.getByText(/Dit project is 1 keer gepseudonimiseerd \(laatst \d/).waitFor();
    await page.getByText(/Sleutel geladen/).waitFor();

    // Undo: an explanation, not an action.
    await page.getByRole('tab', { name: 'Pseudonimiseren' }).focus();
    await page.keyboard.press('Control+z');
    await page.getByText(/Ongedaan maken kan hier niet verder: het project is gepseudonimiseerd/).waitFor();
    await page.screenshot({ path: screenshotPath('pseudonymise-undo-nl') });

    // A report now passes the leak check (the loaded key's originals and the known names): written without a question.
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Rapport' }).click();
    await page.getByRole('article', { name: 'Voorbeeld van het rapport' }).getByRole('heading').first().waitFor();
    const report = join(out, 'rapport.docx');
    shell.dialogAnswers.push(report);
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    await page.getByRole('status').filter({ hasText: /rapport\.docx/ }).waitFor({ timeout: 60_000 });
    expect(existsSync(report)).toBe(true);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  }, 180_000);

  it('workspace and leak dialog in English', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const { page, emit, shell } = harness;
    await page.getByRole('listbox', { name: /Transcripts/ }).getByRole('option').first().waitFor();
    await page.getByRole('tab', { name: 'Pseudonymise' }).click();
    await page.getByRole('button', { name: 'Find personal data' }).click();
    const groups = page.getByRole('listbox', { name: 'Findings, grouped by text' });
    await groups.getByRole('option').first().waitFor({ timeout: 30_000 });
    await groups.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => groups.getByRole('option').first().textContent()).toContain('confirmed');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('pseudonymise-review-en') });

    const out = mkdtempSync(join(tmpdir(), 'duiding-pseudo-e2e-'));
    shell.dialogAnswers.push(join(out, 'attributes.csv'));
    emit('command.invoke', { id: 'exchange.exportAttributes' });
    const leak = page.getByRole('alertdialog', { name: 'Original data in attributes.csv' });
    await leak.getByText('Jeroen Bosma').waitFor();
    await page.screenshot({ path: screenshotPath('pseudonymise-leak-en') });
    // Continue deliberately: the same file is written.
    await leak.getByRole('button', { name: 'Export anyway' }).click();
    await expect.poll(() => existsSync(join(out, 'attributes.csv'))).toBe(true);
  }, 120_000);
});
