// Subtitle-style transcripts (issue 9 §9) in the real dialog and reader: caption
// lines are joined into running text (on by default when detected, a choice
// per file), stage directions become quiet notes without a speaker, and a
// subtitle file with an unreadable time keeps its text with a warning (issue 10 §14).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { createProject } from '../../src-main/services/project.ts';
import type { Language } from '../../src-shared/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { screenshotPath, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const VIDEO = [
  'MUZIEK',
  'Interviewer: Goedemiddag, fijn dat u',
  'er bent. Hoe ervaart u',
  'de samenwerking met',
  'de huisarts in de wijk?',
  'Marieke: Nou, dat is eerlijk gezegd',
  'heel wisselend. Soms',
  '[lacht]',
  'soms gaat het prima en',
  'soms hoor ik weken',
  'niets van de praktijk.',
  '(stilte)',
  'Interviewer: En wat zou er',
  'dan moeten veranderen?',
  'Marieke: Meer tijd om',
  'met elkaar te overleggen.',
].join('\n');

const SRT = '1\n00:00:01,000 --> 00:00:03,000\n- Jan: Welkom allemaal.\n\n2\n00:00:0x,000 --> 00:00:05,000\nDit stuk had een kapotte tijd.\n\n3\n00:00:06,000 --> 00:00:08,000\n- Els: Dank je, Jan.\n\n4\n00:00:09,000 --> 00:00:10,000\n- Jan: Graag.\n\n5\n00:00:11,000 --> 00:00:12,000\n- Els: Tot ziens.\n';

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

const TEXT = {
  nl: {
    empty: 'Nog geen transcripten', dialog: 'Transcripten importeren', join: /Regels samenvoegen tot lopende tekst/,
    notes: '3 regieaanwijzingen op een eigen regel', untimed: 'Eén ondertitel heeft geen leesbare tijd', perspective: 'Zorgprofessional',
    importN: '2 bestanden importeren', done: '2 geïmporteerd, 0 niet, 0 overgeslagen.', close: 'Sluiten', sources: /Transcripten/,
    note: 'Notitie, geen gesproken tekst',
  },
  en: {
    empty: 'No transcripts yet', dialog: 'Import transcripts', join: /Join lines into running text/,
    notes: '3 stage directions on their own line', untimed: 'One subtitle has no readable time', perspective: 'Care professional',
    importN: 'Import 2 files', done: '2 imported, 0 not, 0 skipped.', close: 'Close', sources: /Transcripts/,
    note: 'Note, not spoken text',
  },
} as const;

describe.each(['nl', 'en'] as Language[])('subtitle-style transcripts (%s)', (language) => {
  it('joins caption lines, keeps stage directions as notes, keeps untimed subtitle text; reader shows notes quietly (keyboard, axe)', async () => {
    const T = TEXT[language];
    const dir = mkdtempSync(join(tmpdir(), 'duiding-subtitles-e2e-'));
    const video = join(dir, 'video-interview.txt');
    writeFileSync(video, VIDEO);
    const srt = join(dir, 'bijeenkomst.srt');
    writeFileSync(srt, SRT);
    const projectPath = join(dir, 'Studie.duiding');
    createProject(projectPath, { template: 'jzojp', name: 'Studie' }).close();
    harness = await launchHarness({ projectPath, language });
    const { page } = harness;
    await page.getByRole('heading', { name: T.empty }).waitFor();
    await drop(harness, [video, srt]);
    const dialog = page.getByRole('dialog', { name: T.dialog });
    const card = dialog.getByRole('region', { name: 'video-interview.txt', exact: true });
    const join_ = card.getByRole('checkbox', { name: T.join });
    await join_.waitFor({ timeout: 30_000 });
    // Detected, so on by default; the notes are announced.
    expect(await join_.isChecked()).toBe(true);
    await expect.poll(() => card.getByText(T.notes).count()).toBe(1);
    // The subtitle file with a broken time: its text is kept, and the preview says so.
    await expect.poll(() => dialog.getByRole('region', { name: 'bijeenkomst.srt', exact: true }).getByText(T.untimed).count()).toBe(1);

    // Off and on again, by keyboard: the file is read again each time, and focus stays on the option.
    const importButton = dialog.getByRole('button', { name: T.importN });
    await join_.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => join_.isChecked()).toBe(false);
    await expect.poll(() => importButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await join_.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => join_.isChecked()).toBe(true);
    await expect.poll(() => importButton.isEnabled(), { timeout: 30_000 }).toBe(true);

    const marieke = dialog.getByRole('region', { name: 'video-interview.txt', exact: true }).getByRole('row', { name: /Marieke/ });
    await marieke.getByRole('button', { name: language === 'nl' ? /Perspectief/ : /Perspective/ }).click();
    await page.getByRole('option', { name: T.perspective, exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`import-subtitles-preview-${language}`), fullPage: true });

    await dialog.getByRole('button', { name: T.importN }).click();
    await dialog.getByText(T.done).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: T.close }).click();

    const list = page.getByRole('listbox', { name: T.sources });
    await list.getByRole('option', { name: /video-interview/ }).click();
    const reader = page.getByRole('article');
    const notes = reader.getByRole('note', { name: T.note });
    await expect.poll(() => notes.count()).toBe(3);
    expect(await notes.allTextContents()).toEqual(['MUZIEK', '[lacht]', '(stilte)']);
    // A note has no speaker label and is set in italics.
    expect(await notes.nth(1).locator('.turn__speaker').count()).toBe(0);
    expect(await notes.nth(1).locator('p').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    // Caption lines became running text.
    const first = reader.locator('section.turn', { hasText: 'Nou, dat is' });
    expect(await first.locator('.turn__text').textContent()).toBe('Nou, dat is eerlijk gezegd heel wisselend. Soms');

    // Arrow keys step through the notes like through turns.
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('[lacht]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('.turn__text')?.textContent)).toBe('soms gaat het prima en soms hoor ik weken niets van de praktijk.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`import-subtitles-reader-${language}`) });

    // The broken-time subtitle text is in the other transcript.
    await list.getByRole('option', { name: /bijeenkomst/ }).click();
    await reader.getByText('Dit stuk had een kapotte tijd.', { exact: false }).waitFor();
  });
});
