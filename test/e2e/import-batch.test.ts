// Batch import mapping (issue 9 §8) in the real dialog: a dropped folder brings
// its transcripts like the CLI does; a speaker label in several files is mapped
// once (cards follow, "geldt voor N bestanden", split and join); speakers
// without a perspective are flagged; a file repeating another of the batch is
// flagged with "Toch importeren"; a name that exists is not duplicated; the done
// screen lists every file, the broken one too.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addParticipant } from '../../src-main/participants/participants.ts';
import { seriousViolations } from './axe.ts';
import { screenshotPath, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

async function drop(h: Harness, paths: string[]): Promise<void> {
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

const interview = (answer: string) =>
  `Interviewer: Hoe werkt u samen in de wijk?\n\nMarieke: ${answer}\n\nInterviewer: Wat is er nodig?\n\nMarieke: Meer tijd voor overleg.\n`;

function batchFolder(): { dir: string; folder: string } {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-batch-e2e-'));
  const folder = join(dir, 'Ronde 1');
  mkdirSync(folder);
  writeFileSync(join(folder, 'gesprek 1.txt'), interview('Elke week overleggen we met de huisarts.'));
  writeFileSync(join(folder, 'gesprek 2.txt'), interview('Met het sociaal team gaat het goed.'));
  writeFileSync(join(folder, 'kopie van gesprek 2.txt'), interview('Met het sociaal team gaat het goed.'));
  writeFileSync(join(folder, 'kapot.docx'), 'Dit is geen Word-bestand.');
  writeFileSync(join(folder, '.verborgen.txt'), interview('Verborgen.'));
  return { dir, folder };
}

describe('batch import mapping', () => {
  it('maps a label once for the batch, flags what needs attention, and lists every file when done (nl, keyboard, axe)', async () => {
    const { dir, folder } = batchFolder();
    const projectPath = join(dir, 'Studie.duiding');
    createProject(projectPath, { template: 'jzojp', name: 'Studie' }).close();
    harness = await launchHarness({ projectPath });
    const { page } = harness;
    await page.getByRole('heading', { name: 'Nog geen transcripten' }).waitFor();

    // A dropped folder: its transcripts, not its hidden file.
    await drop(harness, [folder]);
    const dialog = page.getByRole('dialog', { name: 'Transcripten importeren' });
    const card = (name: string) => dialog.getByRole('region', { name, exact: true });
    await card('gesprek 1.txt').waitFor({ timeout: 30_000 });
    await expect.poll(() => dialog.locator('section.file-card h3').allTextContents())
      .toEqual(['gesprek 1.txt', 'gesprek 2.txt', 'kapot.docx', 'kopie van gesprek 2.txt']);

    // Marieke is one speaker for the batch: her card says so in both files.
    const marieke1 = card('gesprek 1.txt').getByRole('row', { name: /Marieke/ });
    const marieke2 = card('gesprek 2.txt').getByRole('row', { name: /Marieke/ });
    await expect.poll(() => marieke1.getByText('Geldt voor 2 bestanden').count()).toBe(1);
    // No perspective yet: flagged on the row and before the import button.
    await expect.poll(() => marieke1.getByText(/de beurten van deze spreker tellen niet mee per perspectief/).count()).toBe(1);
    await expect.poll(() => dialog.getByText(/Eén spreker heeft nog geen perspectief \(Marieke\)/).count()).toBe(1);

    // The copy is flagged, and not imported unless asked.
    const copy = card('kopie van gesprek 2.txt');
    await expect.poll(() => copy.getByText('Dit bestand heeft precies dezelfde tekst als gesprek 2.txt in deze import.').count()).toBe(1);
    expect(await copy.getByRole('checkbox', { name: 'Toch importeren' }).isChecked()).toBe(false);
    await dialog.getByRole('button', { name: '2 bestanden importeren' }).waitFor();

    // Setting the perspective in one card sets it in the other.
    await marieke1.getByRole('button', { name: /Perspectief/ }).click();
    await page.getByRole('option', { name: 'Zorgprofessional', exact: true }).click();
    await expect.poll(() => marieke2.getByRole('button', { name: /Perspectief/ }).textContent()).toContain('Zorgprofessional');
    await expect.poll(() => dialog.getByText(/tellen (dan )?niet mee/).count()).toBe(0);

    // Split file 2 off with the keyboard, then join it back.
    await marieke2.getByRole('button', { name: 'Alleen voor dit bestand: Marieke in gesprek 2.txt' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => marieke2.getByText('Apart gekoppeld in dit bestand').count()).toBe(1);
    expect(await marieke2.getByLabel('Naam of pseudoniem').inputValue()).toBe('Marieke (gesprek 2)');
    await expect.poll(() => marieke1.getByText('Geldt voor 2 bestanden').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('import-batch-split-nl'), fullPage: true });
    await marieke2.getByRole('button', { name: 'Voor alle bestanden gelijk: Marieke in gesprek 2.txt' }).press('Enter');
    await expect.poll(() => marieke1.getByText('Geldt voor 2 bestanden').count()).toBe(1);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('import-batch-review-nl'), fullPage: true });

    await dialog.getByRole('button', { name: '2 bestanden importeren' }).click();
    await dialog.getByText('2 geïmporteerd, 1 niet, 1 overgeslagen.').waitFor({ timeout: 30_000 });
    const done = dialog.getByRole('list', { name: 'Bestanden' });
    await expect.poll(() => done.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/gesprek 1\.txt\s*Geïmporteerd/),
      expect.stringMatching(/gesprek 2\.txt\s*Geïmporteerd/),
      expect.stringMatching(/kapot\.docx\s*Niet geïmporteerd: kapot\.docx is beschadigd/),
      expect.stringMatching(/kopie van gesprek 2\.txt\s*Overgeslagen/),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('import-batch-done-nl') });

    expect(await harness.all(`SELECT p.name, p.perspective, count(*) AS turns FROM turns t JOIN participants p ON p.id = t.participant_id GROUP BY p.id`))
      .toEqual([{ name: 'Marieke', perspective: 'zorgprofessional', turns: 4 }]);
    expect(harness.externalRequests).toEqual([]);
  });

  it('does not duplicate a participant whose name exists, unless the user says it is another person (en, axe)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-batch-e2e-'));
    const projectPath = join(dir, 'Study.duiding');
    const db = createProject(projectPath, { template: 'jzojp', name: 'Study' });
    addParticipant(db, { name: 'Marieke Hoekstra', perspective: 'zorgprofessional' });
    db.close();
    const file = join(dir, 'interview.txt');
    writeFileSync(file, interview('We meet the GP every week.'));
    harness = await launchHarness({ projectPath, language: 'en' });
    const { page } = harness;
    await page.getByRole('heading', { name: 'No transcripts yet' }).waitFor();
    await drop(harness, [file]);
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    const row = dialog.getByRole('row', { name: /Marieke/ });
    await row.waitFor({ timeout: 30_000 });
    await row.getByLabel('Name or pseudonym').fill('marieke hoekstra');
    const note = row.getByText(/There is already a participant "Marieke Hoekstra" \(Care professional\): this speaker becomes that participant\./);
    await expect.poll(() => note.count()).toBe(1);
    // Said once: another person, then back to the same one by retyping is not needed — the note goes.
    await row.getByRole('button', { name: 'A different person: Marieke in interview.txt' }).click();
    await expect.poll(() => row.getByText('A participant of their own, even with the same name.').count()).toBe(1);
    await expect.poll(() => note.count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('import-batch-same-name-en'), fullPage: true });
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    await dialog.getByText('1 imported, 0 not, 0 skipped.').waitFor({ timeout: 30_000 });
    const names = await harness.values('SELECT name FROM participants ORDER BY id');
    expect(names).toEqual(['Marieke Hoekstra', 'marieke hoekstra']);
  });
});
