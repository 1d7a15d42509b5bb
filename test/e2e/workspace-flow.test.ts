// Issue 11, keys and flow (§6–§10): the code palette (Escape / click outside
// from any state, parent paths, "nieuwe code …"), bars never over dialogs,
// pinned quick keys with a separate recent list, F6 and Ctrl+1…5 focus moves,
// Ctrl+Y redo, and recoding a coding (menu and drag) as one undo step.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { selectText } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const codings = (h: Harness) =>
  h.all<{ id: number; start: number; end: number; name: string; parentId: number | null }>(
    'SELECT c.id, c.start, c."end", k.name, k.parent_id AS parentId FROM codings c JOIN codes k ON k.id = c.code_id ORDER BY c.id',
  );
const steps = (h: Harness) => h.value<number>('SELECT COUNT(*) FROM history WHERE undone = 0');

/** Which pane holds the focus: navigator, reader (main) or inspector. */
const focusedPane = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('.pane--navigator') ? 'navigator' : el?.closest('.pane--reader') ? 'reader' : el?.closest('.pane--inspector') ? 'inspector' : 'none';
  });

async function openTranscript(h: Harness, name: RegExp): Promise<void> {
  await h.page.getByRole('listbox', { name: /Transcripten|Transcripts/ }).getByRole('option', { name }).click();
  await h.page.getByRole('article').waitFor();
}

describe('coding workspace: keys and flow (issue 11)', () => {
  it('palette: Escape and click outside close it with text typed, parent paths shown, a new name is offered and applied', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), viewport: { width: 1280, height: 800 } });
    const h = harness;
    const { page } = h;
    await openTranscript(h, /Duo-interview/);
    await selectText(h, 'zo lang mogelijk thuis kunnen blijven');
    const palette = page.getByRole('dialog', { name: 'Code kiezen voor de selectie' });

    // Escape with text in the search field closes at once (not only clears the field).
    await page.keyboard.press('Control+k');
    await palette.getByLabel('Zoek een code').fill('tijd');
    await palette.getByRole('option', { name: /Tijd en capaciteit/ }).waitFor();
    // The parent path is part of the option; the quick-code bar is under the dialog, not over it.
    await expect.poll(() => palette.getByRole('option', { name: /Tijd en capaciteit/ }).textContent()).toContain('Wat is nodig');
    const barCovered = await page.evaluate(() => {
      const bar = document.querySelector('.quick-codes')!.getBoundingClientRect();
      const top = document.elementFromPoint(bar.left + bar.width / 2, bar.top + bar.height / 2);
      return Boolean(top?.closest('.modal'));
    });
    expect(barCovered).toBe(true);
    await page.screenshot({ path: screenshotPath('issue11-palette-1280-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });

    // Escape with the focus in the list closes too.
    await page.keyboard.press('Control+k');
    await palette.getByLabel('Zoek een code').fill('data');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });

    // A click outside closes it, also with text typed.
    await page.keyboard.press('Control+k');
    await palette.getByLabel('Zoek een code').fill('samen');
    await page.mouse.click(5, 790);
    await palette.waitFor({ state: 'detached' });

    // A name that does not exist: "Nieuwe code …" creates it and codes the selection.
    const before = (await codings(h)).length;
    await page.keyboard.press('Control+k');
    await palette.getByLabel('Zoek een code').fill('Wachtlijst thuiszorg');
    await palette.getByRole('option', { name: 'Nieuwe code “Wachtlijst thuiszorg” …' }).waitFor();
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Wachtlijst thuiszorg', exact: true }).first().waitFor(); // margin bar
    expect((await codings(h)).length).toBe(before + 1);
    expect((await codings(h)).at(-1)).toMatchObject({ name: 'Wachtlijst thuiszorg', parentId: null });
    expect(h.pageErrors).toEqual([]);
  });

  it('pinned quick keys stay put beside a marked recent list; recode by menu and by drag is one undo step; Ctrl+Y redoes; F6 and Ctrl+1…5 move focus', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), viewport: { width: 1920, height: 1080 } });
    const h = harness;
    const { page } = h;
    await openTranscript(h, /Duo-interview/);

    // Pin "Data en regiobeeld" from its menu in the codebook.
    const tree = page.getByRole('treegrid', { name: 'Codeboek' });
    await tree.getByRole('button', { name: /Lerend vermogen/ }).first().click().catch(() => undefined);
    const row = tree.getByRole('row', { name: /Data en regiobeeld/ });
    if (!(await row.isVisible())) {
      await tree.getByRole('row', { name: /Lerend vermogen/ }).click();
      await page.keyboard.press('ArrowRight');
    }
    await row.getByRole('button', { name: /Acties voor/ }).click();
    await page.getByRole('menuitem', { name: 'Vastzetten op een toets' }).click();
    const pinned = page.getByRole('group', { name: 'Vastgezet (1–9)' });
    await pinned.getByRole('button', { name: /1\s*Data en regiobeeld/ }).waitFor();

    // Key 1 applies the pinned code; a code used through the palette joins the recent list, not key 1.
    await selectText(h, 'zo lang mogelijk thuis kunnen blijven');
    await page.keyboard.press('1');
    await expect.poll(async () => (await codings(h)).at(-1)?.name).toBe('Data en regiobeeld');
    await selectText(h, 'samen bepalen wat we in de wijk doen');
    await page.keyboard.press('Control+k');
    await page.getByLabel('Zoek een code').fill('tijd en cap');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await codings(h)).at(-1)?.name).toBe('Tijd en capaciteit');
    const recent = page.getByRole('group', { name: 'Recent' });
    await recent.getByRole('button', { name: /Tijd en capaciteit/ }).waitFor();
    await pinned.getByRole('button', { name: /1\s*Data en regiobeeld/ }).waitFor();
    expect(await pinned.getByRole('button').count()).toBe(1);
    // The bar takes one row.
    const barHeight = await page.locator('.quick-codes').evaluate((el) => el.getBoundingClientRect().height);
    expect(barHeight).toBeLessThan(48);

    // Recode through the inspector's "Hercoderen…": one step, undo and Ctrl+Y redo.
    const target = (await codings(h)).at(-1)!;
    await page.locator(`.margin-bar[data-coding="${target.id}"]`).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const stepsBefore = await steps(h);
    await inspector.getByRole('button', { name: 'Hercoderen…' }).click();
    const recodeDialog = page.getByRole('dialog', { name: 'Hercoderen naar een andere code' });
    await recodeDialog.getByLabel('Zoek een code').fill('schotten');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Codering verplaatst naar “Schotten tussen financieringsstromen”.' }).waitFor();
    expect((await codings(h)).find((c) => c.id === target.id)).toMatchObject({ name: 'Schotten tussen financieringsstromen', start: target.start, end: target.end });
    expect(await steps(h)).toBe(stepsBefore + 1);
    await page.locator('body').press('Control+z');
    await expect.poll(async () => (await codings(h)).find((c) => c.id === target.id)?.name).toBe('Tijd en capaciteit');
    await page.locator('body').press('Control+y');
    await expect.poll(async () => (await codings(h)).find((c) => c.id === target.id)?.name).toBe('Schotten tussen financieringsstromen');
    // The change log names the step.
    await page.keyboard.press('Control+7');
    await page.getByText('Codering verplaatst naar "Schotten tussen financieringsstromen"').first().waitFor();
    await page.keyboard.press('Control+3');
    await page.getByRole('article').waitFor();

    // Drag the margin bar onto a code in the codebook.
    const bar = page.locator(`.margin-bar[data-coding="${target.id}"]`);
    await bar.waitFor();
    await bar.dragTo(tree.getByRole('row', { name: /Data en regiobeeld/ }));
    await expect.poll(async () => (await codings(h)).find((c) => c.id === target.id)?.name).toBe('Data en regiobeeld');

    // F6 / Shift+F6 cycle the panes; Ctrl+4 puts the focus into the opened view.
    await page.locator('.turn[tabindex="0"]').first().focus();
    expect(await focusedPane(page)).toBe('reader');
    await page.keyboard.press('F6');
    await expect.poll(() => focusedPane(page)).toBe('inspector');
    await page.keyboard.press('F6');
    await expect.poll(() => focusedPane(page)).toBe('navigator');
    await page.keyboard.press('F6');
    await expect.poll(() => focusedPane(page)).toBe('reader');
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => focusedPane(page)).toBe('navigator');
    await page.keyboard.press('Control+4');
    await expect.poll(() => focusedPane(page)).toBe('reader');
    await page.keyboard.press('Control+3');
    await page.getByRole('article').waitFor();
    await page.keyboard.press('Control+2');
    await expect.poll(() => focusedPane(page)).toBe('inspector');
    // A view shortcut and at once a pane shortcut, faster than two frames (as on a busy machine): the later
    // one wins, also once the view has rendered. The view's own focus move waits two frames for it; it used
    // to take the focus back. Both commands are sent in one task, so that wait always falls after them.
    await page.evaluate(() => {
      const emit = (window as unknown as { __duidingEmit(event: string, payload: unknown): void }).__duidingEmit;
      emit('command.invoke', { id: 'view.retrieval' });
      emit('command.invoke', { id: 'view.navigator' });
    });
    await expect.poll(() => focusedPane(page)).toBe('navigator');
    await page.getByRole('tab', { name: 'Fragmenten', selected: true }).waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    expect(await focusedPane(page)).toBe('navigator');

    await page.screenshot({ path: screenshotPath('issue11-quickbar-1920-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('English, 1280×800 and 1920×1080: palette with paths and the quick-code bar, axe clean', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
      harness = await launchHarness({ projectPath: exampleProject(), language: 'en', viewport });
      const h = harness;
      const { page } = h;
      await openTranscript(h, /Duo-interview/);
      await selectText(h, 'zo lang mogelijk thuis kunnen blijven');
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Choose a code for the selection' });
      await palette.getByLabel('Search a code').fill('Nieuw thema');
      await palette.getByRole('option', { name: 'New code “Nieuw thema” …' }).waitFor();
      await palette.getByLabel('Search a code').fill('regio');
      await expect.poll(() => palette.getByRole('option', { name: /Data en regiobeeld/ }).textContent()).toContain('Lerend vermogen');
      await page.screenshot({ path: screenshotPath(`issue11-palette-${viewport.width}-en`) });
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await palette.waitFor({ state: 'detached' });
      await page.screenshot({ path: screenshotPath(`issue11-reader-${viewport.width}-en`) });
      expect(await seriousViolations(page)).toEqual([]);
      expect(h.pageErrors).toEqual([]);
      await h.close();
      harness = undefined;
    }
  });
});
