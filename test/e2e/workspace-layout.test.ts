// Issue 11, layout (§1, §3, §9): resizable side panes remembered for the user,
// extra width at 1920 px going to the text and the margin's code names, the
// matrix at 1280×800 with every perspective column and a sticky code column,
// a clicked cell's passages where the user looks, a focusable change log.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const width = (h: Harness, selector: string) => h.page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().width);

describe('coding workspace: layout (issue 11)', () => {
  it('1920×1080: panes resize by keyboard and are remembered; the text and the margin names take the width', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), viewport: { width: 1920, height: 1080 } });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    await page.locator('.margin-bar').first().waitFor();

    // The text column is wider than the old 860 px cap allowed, and the margin is wider than its old 132 px.
    expect(await width(h, '.turn__main')).toBeGreaterThan(700);
    expect(await width(h, '.coding-margin')).toBeGreaterThan(200);
    const label = page.locator('.margin-bar__label').first();
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

    const splitter = page.getByRole('separator', { name: 'Breedte van de navigator' });
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => splitter.getAttribute('aria-valuenow')).toBe('348');
    await expect.poll(() => width(h, '.pane--navigator')).toBe(348);
    const inspector = page.getByRole('separator', { name: 'Breedte van de inspector' });
    await inspector.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => inspector.getAttribute('aria-valuenow')).toBe('324');
    await page.screenshot({ path: screenshotPath('issue11-reader-1920-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Remembered for this user: a reload keeps the widths.
    await h.reload();
    await page.getByRole('separator', { name: 'Breedte van de navigator' }).waitFor();
    await expect.poll(() => width(h, '.pane--navigator')).toBe(348);
    await expect.poll(() => width(h, '.pane--inspector')).toBe(324);
    expect(h.pageErrors).toEqual([]);
  });

  for (const language of ['nl', 'en'] as const) {
    it(`1280×800 (${language}): the matrix shows every perspective column, the code column sticks, a cell's passages get the focus in view; the change log scrolls by keyboard`, async () => {
      harness = await launchHarness({ projectPath: exampleProject(), language, viewport: { width: 1280, height: 800 } });
      const h = harness;
      const { page } = h;
      await page.getByRole('tab', { name: language === 'nl' ? 'Analyse' : 'Analysis' }).click();
      const table = page.getByRole('table');
      await table.waitFor();
      const fits = await page.locator('.matrix-view__scroll').evaluate((scroller) => {
        const right = scroller.getBoundingClientRect().right;
        return [...scroller.querySelectorAll('.matrix__col')].map((th) => th.getBoundingClientRect().right <= right + 1);
      });
      expect(fits.length).toBeGreaterThanOrEqual(4);
      expect(fits.every(Boolean)).toBe(true);
      expect(await page.locator('.matrix__code').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
      // No code name is cut off.
      const cut = await page.locator('.matrix__code').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
      expect(cut).toBe(0);

      const row = table.getByRole('row', { name: /Kwetsbare groepen/ }).first();
      await row.getByRole('button').last().scrollIntoViewIfNeeded();
      await row.getByRole('button').last().click();
      const heading = page.locator('#cell-panel-title');
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
      const box = (await heading.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      await page.screenshot({ path: screenshotPath(`issue11-matrix-1280-${language}`) });
      expect(await seriousViolations(page)).toEqual([]);

      // Change log: its scroll region takes the focus (axe: scrollable-region-focusable).
      await page.evaluate(() => window.duiding!.invoke('codebook.create', { parentId: null, name: 'Logcode', color: '#1f77b4' }));
      await page.getByRole('tab', { name: language === 'nl' ? 'Wijzigingslog' : 'Change log' }).click();
      await page.getByRole('table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`issue11-log-1280-${language}`) });
      expect(h.pageErrors).toEqual([]);
    });
  }

  it('1024×760 (nl): the transcript keeps half the window, the view tabs stay on one row and the chosen one in view, the first-use hint wraps', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), viewport: { width: 1024, height: 760 } });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();

    // The side panes give way (a quarter of the window each at most), not the transcript.
    expect(await width(h, '.pane--reader')).toBeGreaterThanOrEqual(512);
    // A step of the splitter starts from the width on screen (246 px here, not the chosen 300).
    const navigator = await width(h, '.pane--navigator');
    expect(navigator).toBeLessThan(300);
    await page.getByRole('separator', { name: 'Breedte van de navigator' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => width(h, '.pane--navigator')).toBe(Math.round(navigator) - 24);
    // One row of tabs: the Dutch names do not fit at this width, so the row scrolls instead of wrapping.
    const tabs = page.getByRole('tablist', { name: 'Weergaven' });
    const tops = await tabs.getByRole('tab').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(tops).toHaveLength(7);
    expect(new Set(tops).size).toBe(1);
    // By keyboard to the last tab: it is selected and scrolled fully into view.
    await tabs.getByRole('tab', { name: 'Transcript' }).focus();
    await page.keyboard.press('End');
    const last = tabs.getByRole('tab', { name: 'Pseudonimiseren' });
    await expect.poll(() => last.getAttribute('aria-selected')).toBe('true');
    const inView = () => page.evaluate(() => {
      const list = document.querySelector('.center__tabs')!.getBoundingClientRect();
      const tab = document.querySelector('.center__tab[data-selected]')!.getBoundingClientRect();
      return tab.left >= list.left - 1 && tab.right <= list.right + 1;
    });
    await expect.poll(inView).toBe(true);
    // Chosen by shortcut (Ctrl+3 is the first tab): that tab is brought back into view.
    await page.keyboard.press('Control+3');
    await expect.poll(() => tabs.getByRole('tab', { name: 'Transcript' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(inView).toBe(true);

    // The first-use hint wraps as prose and the buttons after it stay inside the pane.
    await page.getByRole('article').waitFor();
    const panel = (await page.locator('.pane--reader').boundingBox())!;
    for (const button of await page.locator('.quick-codes').getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
    expect(await width(h, '.quick-codes__hint')).toBeGreaterThan(200);
    await page.screenshot({ path: screenshotPath('layout-1024-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
