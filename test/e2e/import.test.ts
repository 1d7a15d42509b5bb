import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { createProject } from '../../src-main/services/project.ts';
import { seriousViolations } from './axe.ts';
import { screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { writeE2eFixtures } from './import-fixtures.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

/** Drops files on the window the way a user would; the harness bridge reads `path` like Electron's webUtils. */
async function dropFiles(h: Harness, paths: string[]): Promise<void> {
  await h.page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const path of files) {
      const file = new File(['x'], path.split('/').pop()!, { type: 'application/octet-stream' });
      Object.defineProperty(file, 'path', { value: path });
      dt.items.add(file);
    }
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, paths);
}

async function mapSpeaker(h: Harness, label: string, option: string): Promise<void> {
  await h.page.getByRole('button', { name: new RegExp(`Koppelen aan: ${label}$`) }).click();
  await h.page.getByRole('option', { name: option, exact: true }).click();
}

async function pick(h: Harness, row: ReturnType<Harness['page']['getByRole']>, field: RegExp, option: string): Promise<void> {
  await row.getByRole('button', { name: field }).click();
  await h.page.getByRole('option', { name: option, exact: true }).click();
}

describe('importing transcripts', () => {
  it('drops a bold-label docx, a cp1252 txt and a vtt, maps speakers, and shows attributed turns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-import-e2e-'));
    const files = writeE2eFixtures(dir);
    const projectPath = join(dir, 'Studie.duiding');
    createProject(projectPath, { template: 'jzojp', name: 'Studie' }).close();
    harness = await launchHarness({ projectPath });
    const h = harness;
    const { page } = h;
    await page.getByRole('heading', { name: 'Nog geen transcripten' }).waitFor();

    await dropFiles(h, [files.docx, files.txt, files.vtt]);
    const dialog = page.getByRole('dialog', { name: 'Transcripten importeren' });
    await dialog.getByRole('heading', { name: 'Interview Marieke.docx' }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('heading', { name: 'gesprek wethouder.txt' }).waitFor();
    await dialog.getByRole('heading', { name: 'groepsgesprek inwoners.vtt' }).waitFor();

    // The cp1252 file decoded correctly (€ and curly quotes), its encoding is shown.
    const txtCard = dialog.getByRole('region', { name: 'gesprek wethouder.txt' });
    expect(await txtCard.getByText('windows-1252').count()).toBeGreaterThan(0);

    // Interviewers were recognised by their labels.
    expect(await page.getByRole('button', { name: /Koppelen aan: Interviewer/ }).first().textContent()).toContain('Interviewer');

    // Marieke: new participant, zorgprofessional, region Heerenveen.
    const marieke = dialog.getByRole('row', { name: /Marieke/ });
    await marieke.getByLabel('Naam of pseudoniem').fill('Marieke Hoekstra');
    await pick(h, marieke, /Perspectief/, 'Zorgprofessional');
    await pick(h, marieke, /Leerregio/, 'Heerenveen');
    // Jansen: bestuurder.
    const jansen = dialog.getByRole('row', { name: /Jansen/ });
    await jansen.getByLabel('Naam of pseudoniem').fill('Wethouder Jansen');
    await pick(h, jansen, /Perspectief/, 'Bestuurder');
    // Fatima and Kees: inwoners.
    await pick(h, dialog.getByRole('row', { name: /Fatima/ }), /Perspectief/, 'Inwoner/patiënt');
    await pick(h, dialog.getByRole('row', { name: /Kees/ }), /Perspectief/, 'Inwoner/patiënt');
    await mapSpeaker(h, 'I', 'Interviewer');

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('import-preview-nl'), fullPage: true });

    await dialog.getByRole('button', { name: '3 bestanden importeren' }).click();
    await dialog.getByText('3 geïmporteerd, 0 niet, 0 overgeslagen.').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    const list = page.getByRole('listbox', { name: /Transcripten/ });
    await expect.poll(() => list.getByRole('option').count()).toBe(3);

    // The wethouder transcript: € intact, turns attributed to a Bestuurder and the interviewer.
    await list.getByRole('option', { name: /gesprek wethouder/ }).click();
    const reader = page.getByRole('article');
    await reader.getByText('Ongeveer € 40.000 per jaar, en dat is “tijdelijk” geld.').waitFor();
    const jansenTurn = reader.locator('section.turn', { hasText: 'Ongeveer €' });
    expect(await jansenTurn.locator('.turn__speaker').textContent()).toBe('Wethouder Jansen');
    expect(await jansenTurn.locator('.badge').textContent()).toBe('Bestuurder');
    expect(await reader.locator('section.turn--interviewer').count()).toBe(3);

    // The docx: bold labels became turns of Marieke Hoekstra (Zorgprofessional); labels are not in the text.
    await list.getByRole('option', { name: /Interview Marieke/ }).click();
    const mariekeTurn = reader.locator('section.turn', { hasText: 'elke week een overleg' });
    await mariekeTurn.waitFor();
    expect(await mariekeTurn.locator('.turn__speaker').textContent()).toBe('Marieke Hoekstra');
    expect(await mariekeTurn.locator('.badge').textContent()).toBe('Zorgprofessional');
    expect(await mariekeTurn.locator('.turn__text').textContent()).not.toContain('Marieke:');

    // The vtt: Fatima's two cues joined into one turn with the first cue's time.
    await list.getByRole('option', { name: /groepsgesprek/ }).click();
    const fatima = reader.locator('section.turn', { hasText: 'mijn moeder' });
    await fatima.waitFor();
    expect(await fatima.locator('.turn__text').textContent()).toContain('Het loket van de gemeente');
    expect(await fatima.locator('time').textContent()).toBe('00:00:04');
    expect(await fatima.locator('.badge').textContent()).toBe('Inwoner/patiënt');
    await page.screenshot({ path: screenshotPath('import-result-nl') });

    // Perspectives are in the project, not just on screen.
    const people = await h.all('SELECT name, perspective FROM participants ORDER BY name');
    expect(people).toEqual([
      { name: 'Fatima', perspective: 'inwoner' },
      { name: 'Kees', perspective: 'inwoner' },
      { name: 'Marieke Hoekstra', perspective: 'zorgprofessional' },
      { name: 'Wethouder Jansen', perspective: 'bestuurder' },
    ]);
    expect(h.externalRequests).toEqual([]);
  });

  it('re-reads at once when the speaker convention changes, and shows an unsure encoding with its excerpt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-import-e2e-'));
    const files = writeE2eFixtures(dir);
    const projectPath = join(dir, 'Studie.duiding');
    createProject(projectPath, { template: 'empty', name: 'Studie' }).close();
    harness = await launchHarness({ projectPath, language: 'en' });
    const { page } = harness;
    harness.shell.importAnswers.push([files.txt]);
    // Wait until the app is up (its shortcuts are live) before using the keyboard.
    await page.getByRole('heading', { name: 'No transcripts yet' }).waitFor();
    await page.keyboard.press('Control+i');
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    const card = dialog.getByRole('region', { name: 'gesprek wethouder.txt' });
    await card.getByRole('row', { name: /Jansen/ }).waitFor();
    await dialog.locator('label', { hasText: 'No speaker labels' }).click();
    await dialog.getByText(/No speakers recognised/).waitFor();
    expect(await dialog.getByRole('row', { name: /Jansen/ }).count()).toBe(0);
    await dialog.locator('label', { hasText: 'Automatically' }).click();
    await dialog.getByRole('row', { name: /Jansen/ }).waitFor();
    await page.screenshot({ path: screenshotPath('import-preview-en') });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

