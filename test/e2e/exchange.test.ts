// Exchange in the real UI: export the project to QDPX from the File menu,
// import that file again as a new project through the preview (keyboard
// only), open it; the start screen offers the same import, in English too.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

/** Presses Tab until `name` has focus (at most 40 times): proves the control is reachable by keyboard. */
async function tabTo(h: Harness, name: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await h.page.keyboard.press('Tab');
    const focused = await h.page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.test(focused)) return;
  }
  throw new Error(`never reached ${name} with Tab`);
}

describe('REFI-QDA exchange in the app', () => {
  it('exports the example project to QDPX from the File menu and imports it again as a new project', async () => {
    const projectPath = exampleProject();
    const dir = mkdtempSync(join(tmpdir(), 'duiding-exchange-e2e-'));
    const qdpx = join(dir, 'uitwisseling.qdpx');
    const copy = join(dir, 'kopie.duiding');
    harness = await launchHarness({ projectPath });
    const { page, emit, shell } = harness;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().waitFor();

    // Export: the menu command asks where, then reports what is in the file.
    shell.dialogAnswers.push(qdpx);
    emit('command.invoke', { id: 'exchange.exportQdpx' });
    // The project still names its participants: the leak check (issue 16 §7) asks first; the user continues.
    await page.getByRole('alertdialog', { name: 'Originele gegevens in uitwisseling.qdpx' }).getByRole('button', { name: 'Toch exporteren' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Exporteren naar uitwisseling.qdpx' });
    await exportDialog.getByText(/uitwisseling\.qdpx is geschreven/).waitFor({ timeout: 30_000 });
    await expect.poll(() => exportDialog.locator('.exchange__counts dd').first().textContent()).not.toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exchange-export-nl') });
    await page.keyboard.press('Enter');
    await expect.poll(() => exportDialog.count()).toBe(0);
    expect(existsSync(qdpx)).toBe(true);

    // Import: pick the file, see the preview, choose where the new project goes.
    shell.dialogAnswers.push(qdpx, copy);
    emit('command.invoke', { id: 'exchange.importQdpx' });
    const importDialog = page.getByRole('dialog', { name: 'uitwisseling.qdpx importeren' });
    await importDialog.getByRole('heading', { name: 'Wat niet meekomt' }).waitFor({ timeout: 30_000 });
    await importDialog.getByText('Niets: alles uit het bestand staat in dit project.').waitFor();
    await importDialog.getByRole('region', { name: 'Bronnen' }).getByRole('rowheader').first().waitFor();
    expect(await importDialog.getByRole('region', { name: 'Bronnen' }).getByRole('rowheader').count()).toBe(3);
    await importDialog.getByRole('region', { name: 'Codeboek' }).getByText('Bekostiging en financiering').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exchange-import-preview-nl') });
    await tabTo(harness, /^Importeren als nieuw project/);
    await page.keyboard.press('Enter');
    await importDialog.getByText('kopie.duiding is gemaakt.').waitFor({ timeout: 30_000 });
    await importDialog.getByText('Dit verslag staat ook in het logboek van het nieuwe project.').waitFor();
    await page.screenshot({ path: screenshotPath('exchange-import-done-nl') });
    // "Project openen" has focus: Enter opens the new project.
    await page.keyboard.press('Enter');
    await expect.poll(() => importDialog.count()).toBe(0);
    await expect.poll(() => harness!.engine.project?.path).toBe(copy);
    const list = page.getByRole('listbox', { name: /Transcripten/ });
    await expect.poll(() => list.getByRole('option').count()).toBe(3);
    // The loss report is in the new project's journal.
    const journal = await harness!.value("SELECT COUNT(*) FROM memos WHERE target_kind = 'project' AND title LIKE 'Importverslag %'");
    expect(journal).toBe(1);
  });

  it('offers the import on the start screen (English), with the preview in English', async () => {
    const projectPath = exampleProject();
    const dir = mkdtempSync(join(tmpdir(), 'duiding-exchange-e2e-'));
    const qdpx = join(dir, 'study.qdpx');
    harness = await launchHarness({ projectPath, language: 'en' });
    const { page, emit, shell } = harness;
    shell.dialogAnswers.push(qdpx);
    emit('command.invoke', { id: 'exchange.exportQdpx' });
    await page.getByRole('alertdialog', { name: 'Original data in study.qdpx' }).getByRole('button', { name: 'Export anyway' }).click();
    await page.getByRole('dialog', { name: 'Export to study.qdpx' }).getByText(/study\.qdpx has been written/).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    emit('command.invoke', { id: 'project.close' });
    await page.getByRole('button', { name: 'Import REFI-QDA project…' }).waitFor();
    shell.dialogAnswers.push(qdpx);
    await page.getByRole('button', { name: 'Import REFI-QDA project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import study.qdpx' });
    await dialog.getByRole('heading', { name: 'What does not come along' }).waitFor({ timeout: 30_000 });
    await dialog.getByText('Nothing: everything in the file is in this project.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exchange-import-preview-en') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('reads a facesheet XLSX (type chosen by keyboard) and shows the new attribute as matrix columns', async () => {
    const projectPath = exampleProject();
    const dir = mkdtempSync(join(tmpdir(), 'duiding-exchange-e2e-'));
    const sheet = join(dir, 'facesheet.xlsx');
    harness = await launchHarness({ projectPath });
    const { page, emit, shell } = harness;
    const names = await harness!.values<string>('SELECT name FROM participants ORDER BY id');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Deelnemers');
    ws.addRow(['Naam', 'Organisatie', 'Jaren ervaring']);
    names.forEach((n, i) => ws.addRow([n, i % 2 ? 'Gemeente' : 'Zorgaanbieder', 5 + i]));
    ws.addRow(['Iemand anders', 'Gemeente', 'veel']);
    writeFileSync(sheet, new Uint8Array(await wb.xlsx.writeBuffer()));

    shell.dialogAnswers.push(sheet);
    emit('command.invoke', { id: 'exchange.importAttributes' });
    const dialog = page.getByRole('dialog', { name: 'Kenmerken uit facesheet.xlsx' });
    await dialog.getByText(`${names.length} van ${names.length + 1} rijen horen bij een deelnemer`).waitFor({ timeout: 30_000 });
    await dialog.getByText('Rij 6').waitFor();
    await dialog.getByText('geen deelnemer „Iemand anders”').waitFor();
    // "Organisatie" becomes a choice attribute: chosen with the keyboard.
    const type = dialog.getByLabel('Type van „Organisatie”');
    await type.focus();
    await type.selectOption('choice');
    await expect.poll(() => type.inputValue()).toBe('choice');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exchange-facesheet-nl') });
    await dialog.getByRole('button', { name: 'Inlezen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByText(`Kenmerken van ${names.length} deelnemers ingelezen`).waitFor();

    // The matrix can now put the codes against the organisations.
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /Perspectieven/ }).click();
    await page.getByRole('option', { name: 'Organisatie' }).click();
    await expect.poll(async () => (await page.getByRole('columnheader').allInnerTexts()).map((h) => h.split('\n')[0])).toEqual(['Code', 'Zorgaanbieder', 'Gemeente']);
    await page.screenshot({ path: screenshotPath('exchange-facesheet-matrix-nl') });
  });
});
