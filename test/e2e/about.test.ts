// Help → About (command 'app.about', sent by the native menu): the window's
// own dialog with the third-party licence notices (issue 12 §8), Dutch and
// English, keyboard and axe.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, screenshotPath } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('about Duiding', () => {
  it('lists the third-party packages with their licences; a licence text opens from the keyboard; Escape closes', async () => {
    harness = await launchHarness();
    const { page, emit } = harness;
    await page.getByRole('heading', { name: 'Welkom bij Duiding' }).waitFor();
    emit('command.invoke', { id: 'app.about' });
    const dialog = page.getByRole('dialog', { name: 'Over Duiding' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByText(/^react-dom \S+ — MIT$/).count()).toBe(1);
    await expect.poll(() => dialog.getByText(/^better-sqlite3 \S+ — MIT$/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const summary = dialog.locator('summary', { hasText: /^react-dom / });
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('details[open] pre').first().textContent()).toMatch(/Permission is hereby granted/);
    await page.screenshot({ path: screenshotPath('about-nl') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('speaks English after a language switch', async () => {
    harness = await launchHarness();
    const { page, emit } = harness;
    await page.getByRole('heading', { name: 'Welkom bij Duiding' }).waitFor();
    emit('command.invoke', { id: 'language.en' });
    await page.getByRole('heading', { name: 'Welcome to Duiding' }).waitFor();
    emit('command.invoke', { id: 'app.about' });
    const dialog = page.getByRole('dialog', { name: 'About Duiding' });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: /Third-party software licences/ }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
