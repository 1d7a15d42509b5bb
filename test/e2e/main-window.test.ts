import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';

const BUILDING_BLOCKS = [
  'Bekostiging en financiering',
  'Lerend vermogen',
  'Domeinoverstijgende samenwerking',
  'Inwonerparticipatie',
  'Kwetsbare groepen',
];

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('main window on the example project', () => {
  it('shows the codebook, participants with perspectives and a transcript with attributed turns', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    const tree = page.getByRole('treegrid', { name: 'Codeboek' });
    // The workspace is its own chunk (ADR 0022): wait for the codebook to show, then count.
    await tree.getByRole('row', { name: BUILDING_BLOCKS[0] }).waitFor();
    for (const block of BUILDING_BLOCKS) await expect.poll(() => tree.getByRole('row', { name: block }).count()).toBe(1);
    // A building block shows the total of its sub-codes (the example codes sub-codes only).
    const bekostiging = tree.getByRole('row', { name: 'Bekostiging en financiering' });
    expect(Number(await bekostiging.locator('.count').textContent())).toBeGreaterThan(0);

    const participants = page.getByRole('listbox', { name: /Deelnemers/ });
    for (const perspective of ['Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij']) {
      await expect.poll(() => participants.getByText(perspective, { exact: true }).count()).toBeGreaterThan(0);
    }

    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    const reader = page.getByRole('article');
    await reader.waitFor();
    const turns = reader.locator('section.turn');
    expect(await turns.count()).toBeGreaterThan(10);
    // Interviewer turns are labelled as such and carry no perspective badge.
    expect(await reader.locator('section.turn--interviewer .badge').count()).toBe(0);
    expect(await reader.locator('section.turn--interviewer').first().locator('.turn__speaker').textContent()).toBe('Interviewer');
    // Participant turns show a name and a perspective.
    const spoken = reader.locator('section.turn:not(.turn--interviewer)').first();
    expect(await spoken.locator('.badge').count()).toBe(1);
    // Codings are drawn as marks, overlapping ones distinguished.
    expect(await reader.locator('mark.coding').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('main-window-nl') });

    expect(harness.pageErrors).toEqual([]);
    expect(harness.externalRequests).toEqual([]);
  });

  it('switches to English and back, and the choice reaches the shell', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('button', { name: /Nederlands/ }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('treegrid', { name: 'Codebook' }).waitFor();
    expect(await page.getByRole('heading', { name: /Transcripts/ }).count()).toBe(1);
    expect(await page.getByText('Care professional').first().isVisible()).toBe(true);
    // Every list re-renders in the new language, including cached collection items.
    expect(await page.getByRole('listbox', { name: /Transcripts/ }).getByText(/\d+ segments/).count()).toBe(3);
    expect(await page.getByText(/fragment/).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(harness.shell.language).toBe('en');
    await page.screenshot({ path: screenshotPath('main-window-en') });

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('option', { name: 'Nederlands' }).click();
    await page.getByRole('treegrid', { name: 'Codeboek' }).waitFor();
    expect(harness.shell.language).toBe('nl');
  });

  it('lets the codebook tree be used with the keyboard alone', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    const tree = page.getByRole('treegrid', { name: 'Codeboek' });
    await tree.getByRole('row').first().waitFor();
    // Tab from the top of the page until focus lands in the tree.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await tree.evaluate((el) => el.contains(document.activeElement))) break;
    }
    expect(await tree.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const focusedName = () => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    expect(await focusedName()).toContain('Bekostiging en financiering');
    await page.keyboard.press('ArrowRight'); // expand
    await expect.poll(() => tree.getByRole('row', { name: 'Regiobudget en transformatiegelden' }).count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName()).toContain('Regiobudget en transformatiegelden');
    await page.keyboard.press('Enter'); // select → inspector shows the definition
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByRole('heading', { name: 'Regiobudget en transformatiegelden' }).count()).toBe(1);
    expect(await inspector.getByText('Definitie').count()).toBe(1);
    await page.keyboard.press('ArrowLeft'); // to parent
    await page.keyboard.press('ArrowLeft'); // collapse
    await expect.poll(() => tree.getByRole('row', { name: 'Regiobudget en transformatiegelden' }).count()).toBe(0);
  });

  it('has no serious or critical accessibility violations (start screen, workspace, dialog)', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    await page.getByRole('treegrid', { name: 'Codeboek' }).getByRole('row').first().click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+w');
    await page.getByRole('heading', { name: 'Welkom bij Duiding' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+n');
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
