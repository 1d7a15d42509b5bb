import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { screenshotPath, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('start screen and project files from the UI', () => {
  it('starts without a project, opens the example, creates a new JZOJP project', async () => {
    harness = await launchHarness();
    const { page } = harness;
    await page.getByRole('heading', { name: 'Welkom bij Duiding' }).waitFor();
    await page.screenshot({ path: screenshotPath('start-screen-nl') });

    await page.getByRole('button', { name: 'Voorbeeldproject openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voorbeeldproject JZOJP' }).waitFor();
    await expect.poll(() => page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').count()).toBe(3);

    const target = join(mkdtempSync(join(tmpdir(), 'duiding-new-')), 'Mijn studie.duiding');
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Projectnaam').fill('Mijn studie');
    harness.shell.dialogAnswers.push(target);
    await dialog.getByRole('button', { name: 'Opslaan als…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn studie' }).waitFor();
    expect(harness.engine.project?.path).toBe(target);
    // A new project has the template but no transcripts: the designed empty state shows.
    expect(await page.getByRole('treegrid', { name: 'Codeboek' }).getByRole('row', { name: 'Kwetsbare groepen' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Nog geen transcripten' }).count()).toBe(1);
    expect(harness.externalRequests).toEqual([]);
  });

  it('shows a clear Dutch message naming the file when a non-project is opened, and keeps the file as it was', async () => {
    harness = await launchHarness();
    const { page } = harness;
    const bogus = join(mkdtempSync(join(tmpdir(), 'duiding-bad-')), 'notities.duiding');
    writeFileSync(bogus, 'Dit is geen database.\n');
    harness.shell.dialogAnswers.push(bogus);
    await page.getByRole('button', { name: 'Project openen…' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'notities.duiding' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('geen SQLite-database');
    expect(readFileSync(bogus, 'utf8')).toBe('Dit is geen database.\n');
    expect(await page.getByRole('heading', { name: 'Welkom bij Duiding' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('open-error-nl') });
  });
});
