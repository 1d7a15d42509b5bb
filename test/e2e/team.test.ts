// Team coding in the real UI (issue 15 §5): the lead makes a coder copy from
// the File menu; the coder opens it in a second window (a second harness),
// codes a passage, renames a code and saves the changes to send back; the lead
// renames the same code differently, then merges the change file through the
// preview and the conflict review screen with the keyboard only. The merged
// result shows in the codebook and the change log, and is one undo step. A
// locked copy shows its badge and refuses codebook restructuring in the UI.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import { selectText } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const tree = (h: Harness) => h.page.getByRole('treegrid', { name: /Codeboek|Codebook/ });
const row = (h: Harness, name: string): Locator => tree(h).getByRole('row', { name, exact: true });
const countOf = (h: Harness, name: string) => row(h, name).locator('.count').first().textContent();

/**
 * Moves a pressed mouse in steps (Chromium starts a native drag on the first
 * moves), then nudges it at the end: React Aria settles its drop target on a
 * dragover at the final point (as in codebook.test.ts).
 */
async function dragPointer(page: Harness['page'], from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.mouse.move(to.x + 1, to.y);
  await page.mouse.move(to.x, to.y);
}

/** Presses Tab until the focused element's text matches (at most 30 times): proves it is reachable by keyboard. */
async function tabTo(h: Harness, name: RegExp): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await h.page.keyboard.press('Tab');
    const focused = await h.page.evaluate(() => (document.activeElement?.closest('label, button, [role=option]') ?? document.activeElement)?.textContent ?? '');
    if (name.test(focused)) return;
  }
  throw new Error(`never reached ${name} with Tab`);
}

async function renameCode(h: Harness, from: string, to: string): Promise<void> {
  await row(h, from).click();
  await h.page.keyboard.press('F2');
  const dialog = h.page.getByRole('dialog', { name: from, exact: false });
  await dialog.waitFor();
  await h.page.keyboard.type(to);
  await h.page.keyboard.press('Enter');
  await row(h, to).waitFor();
  await dialog.waitFor({ state: 'detached' });
}

describe('team coding in the app', () => {
  it('makes a coder copy, codes and renames in it, and merges it back through the review screen by keyboard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-team-e2e-'));
    const copyPath = join(dir, 'Werkkopie Anna.duiding');
    const changesPath = join(dir, 'Wijzigingen Anna.duiding-changes');
    harness = await launchHarness({ projectPath: exampleProject() });
    const lead = harness;
    const { page } = lead;
    await row(lead, 'Lerend vermogen').waitFor();

    // The lead makes a copy for Anna: File › Werkkopie maken; the name field has focus, Enter saves.
    lead.shell.dialogAnswers.push(copyPath);
    lead.emit('command.invoke', { id: 'team.makeCopy' });
    const copyDialog = page.getByRole('dialog', { name: 'Werkkopie maken' });
    await copyDialog.getByRole('checkbox', { name: 'Codeboek vergrendelen' }).waitFor();
    await expect.poll(() => copyDialog.getByRole('group', { name: 'Transcripten in de kopie' }).getByRole('checkbox', { checked: true }).count()).toBe(3);
    await page.keyboard.type('Anna');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('team-copy-dialog-nl') });
    await page.keyboard.press('Enter');
    await copyDialog.getByText('Werkkopie voor Anna gemaakt met 3 transcripten:').waitFor();
    await copyDialog.getByText(copyPath).waitFor();
    expect(existsSync(copyPath)).toBe(true);
    await page.keyboard.press('Enter'); // "Sluiten" has focus
    await expect.poll(() => copyDialog.count()).toBe(0);
    // The main project is no copy: no badge.
    expect(await page.locator('.team-badge').count()).toBe(0);

    // Anna opens the copy in her own window, renames a code and codes a passage.
    const coder = await launchHarness({ projectPath: copyPath });
    try {
      await coder.page.getByText('Werkkopie van Anna').waitFor();
      await renameCode(coder, 'Lerend vermogen', 'Lerend vermogen van de regio');
      await coder.page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
      await coder.page.getByRole('article').waitFor();
      await selectText(coder, 'zo lang mogelijk thuis kunnen blijven');
      await coder.page.keyboard.press('Control+k');
      await coder.page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill('tijd en cap');
      await coder.page.keyboard.press('Enter');
      await coder.page.getByRole('status').filter({ hasText: 'Gecodeerd.' }).waitFor();
      // A second passage with a code the lead is about to delete.
      await selectText(coder, 'elk wissewasje naar de huisarts');
      await coder.page.keyboard.press('Control+k');
      await coder.page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill('data en regio');
      await coder.page.keyboard.press('Enter');
      await expect.poll(() => coder.page.getByRole('status').filter({ hasText: 'Gecodeerd.' }).count()).toBe(1);
      // File › Wijzigingen opslaan om terug te sturen.
      coder.shell.dialogAnswers.push(changesPath);
      coder.emit('command.invoke', { id: 'team.writeChanges' });
      await coder.page.getByRole('status').filter({ hasText: 'Wijzigingen van Anna opgeslagen in Wijzigingen Anna.duiding-changes: 2 nieuwe coderingen' }).waitFor();
      expect(existsSync(changesPath)).toBe(true);
    } finally {
      await coder.close();
    }

    // Meanwhile the lead renames the same code differently and deletes the code Anna used.
    await renameCode(lead, 'Lerend vermogen', 'Leervermogen');
    await row(lead, 'Leervermogen').getByRole('button', { name: /Uitklappen/ }).click();
    await row(lead, 'Data en regiobeeld').click();
    await page.keyboard.press('Delete');
    const del = page.getByRole('dialog', { name: '"Data en regiobeeld" verwijderen?' });
    // Verwijderen is disabled until the dialog has counted what goes with the code: Tab would skip it and
    // Enter then cancel (CI saw this once on a busy machine). Wait for what the user waits for.
    await expect.poll(() => del.getByRole('button', { name: 'Verwijderen', exact: true }).isEnabled()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await row(lead, 'Data en regiobeeld').waitFor({ state: 'detached' });
    const parent = 'Wat is nodig';
    const before = Number(await countOf(lead, parent));

    // File › Werk samenvoegen: the preview counts, then the review screen.
    lead.shell.importAnswers.push([changesPath]);
    lead.emit('command.invoke', { id: 'team.merge' });
    const merge = page.getByRole('dialog', { name: 'Werk samenvoegen' });
    const counts = merge.getByRole('region', { name: 'Wijzigingen Anna.duiding-changes (van Anna)' });
    await counts.getByRole('row', { name: /Coderingen/ }).waitFor({ timeout: 30_000 });
    // The coding on the code the lead deleted waits for its conflict's choice; the other comes in.
    expect(await counts.getByRole('row', { name: /Coderingen/ }).getByRole('cell').first().textContent()).toBe('1');
    // …and the preview says so instead of counting it anywhere (not "to review": that depends on the choice).
    await counts.getByText('Eén codering wacht op je keuze bij de conflicten', { exact: false }).waitFor();
    expect(await counts.getByRole('definition').nth(1).textContent()).toBe('0');
    await merge.getByText('2 conflicten vragen om een keuze voordat er wordt samengevoegd.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('team-merge-preview-nl') });
    await page.keyboard.press('Enter'); // "Conflicten beoordelen" has focus
    const list = merge.getByRole('listbox', { name: 'Conflicten' });
    await list.getByRole('option', { name: /Code op beide plaatsen anders hernoemd/, selected: true }).waitFor();
    await merge.getByRole('cell', { name: 'Lerend vermogen van de regio' }).waitFor();
    await merge.getByRole('cell', { name: 'Leervermogen' }).waitFor();
    expect(await merge.getByRole('button', { name: 'Samenvoegen' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('team-merge-review-nl') });
    // The same screen in English.
    lead.emit('command.invoke', { id: 'language.en' });
    await page.getByRole('dialog', { name: 'Merge work' }).getByRole('listbox', { name: 'Conflicts' }).waitFor();
    await page.screenshot({ path: screenshotPath('team-merge-review-en') });
    lead.emit('command.invoke', { id: 'language.nl' });
    await list.waitFor();

    // Keyboard only: from the list into the choices, arrow down to "Een andere naam", type it, merge.
    await list.getByRole('option', { selected: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => merge.getByRole('radio', { name: 'Een andere naam' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Leren in de regio');
    await merge.getByText('Nog één conflict zonder keuze.').waitFor();
    await list.getByRole('option', { name: /hernoemd.*beslist/ }).waitFor();
    // Back to the list (Shift+Tab past the choices), down to the deleted code: move its coding to another code.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await list.getByRole('option', { name: /verwijderd, aan de andere kant gebruikt/, selected: true }).waitFor();
    await merge.getByRole('region', { name: 'Code aan de ene kant verwijderd, aan de andere kant gebruikt' })
      // The copy only used that code; its change set carries the name and the path above it (as named in the copy).
      .getByText('Code „Lerend vermogen van de regio › Data en regiobeeld” is in dit project verwijderd; Anna gebruikte hem voor 1 nieuwe coderingen.').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => merge.getByRole('radio', { name: 'Coderingen verplaatsen naar een andere code' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tijd en');
    await merge.getByText('Voor elk conflict is een keuze gemaakt.').waitFor();
    await tabTo(lead, /^Samenvoegen$/);
    await page.keyboard.press('Enter');
    const done = page.getByRole('dialog', { name: 'Samengevoegd' });
    await done.getByText('Dit is één stap in het wijzigingslog', { exact: false }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('team-merge-done-nl') });
    await page.keyboard.press('Enter'); // "Wijzigingslog tonen"
    await expect.poll(() => done.count()).toBe(0);

    // What the lead sees: the third name, the coding counted, the merge in the change log.
    await row(lead, 'Leren in de regio').waitFor();
    expect(await row(lead, 'Leervermogen').count()).toBe(0);
    await expect.poll(() => countOf(lead, parent)).toBe(String(before + 2));
    expect(await row(lead, 'Data en regiobeeld').count()).toBe(0);
    await page.getByRole('table', { name: 'Wijzigingslog' }).getByText('Wijzigingen van Anna samengevoegd', { exact: false }).waitFor();
    // The coding keeps its coder.
    const coders = await lead.values(
      "SELECT u.name FROM codings c JOIN users u ON u.id = c.coder_id JOIN codes k ON k.id = c.code_id WHERE k.name = 'Tijd en capaciteit' ORDER BY c.id DESC LIMIT 2",
    );
    expect(coders).toEqual(['Anna', 'Anna']);

    // One undo step takes the whole merge back.
    await page.keyboard.press('Control+z');
    await row(lead, 'Leervermogen').waitFor();
    await expect.poll(() => countOf(lead, parent)).toBe(String(before));
  });

  it('a copy with a locked codebook (made in English) shows its badge and disables restructuring with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-team-e2e-'));
    const copyPath = join(dir, 'Bert.duiding');
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const lead = harness;
    await row(lead, 'Lerend vermogen').waitFor();
    lead.shell.dialogAnswers.push(copyPath);
    lead.emit('command.invoke', { id: 'team.makeCopy' });
    const copyDialog = lead.page.getByRole('dialog', { name: 'Make coder copy' });
    await copyDialog.getByRole('textbox', { name: 'Coder’s name' }).waitFor();
    await lead.page.keyboard.type('Bert');
    const sources = copyDialog.getByRole('group', { name: 'Transcripts in the copy' }).getByRole('checkbox');
    await expect.poll(() => sources.count()).toBe(3);
    // By keyboard: Space toggles the focused checkbox.
    for (const box of [sources.nth(1), sources.nth(2), copyDialog.getByRole('checkbox', { name: 'Lock the codebook' })]) {
      await box.focus();
      await lead.page.keyboard.press('Space');
    }
    await expect.poll(() => sources.and(lead.page.getByRole('checkbox', { checked: true })).count()).toBe(1);
    expect(await seriousViolations(lead.page)).toEqual([]);
    await lead.page.screenshot({ path: screenshotPath('team-copy-dialog-en') });
    await copyDialog.getByRole('button', { name: 'Save as coder copy…' }).click();
    await copyDialog.getByText('Made a coder copy for Bert with 1 transcripts:').waitFor();
    await copyDialog.getByRole('button', { name: 'Close' }).click();

    const coder = await launchHarness({ projectPath: copyPath, language: 'en' });
    try {
      const { page } = coder;
      await page.getByText(/^Coder copy of Bert · .*codebook locked$/).waitFor();
      await page.getByText('The project lead locked the codebook of this coder copy', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'New code' }).isDisabled()).toBe(true);
      await expect.poll(() => page.getByRole('listbox', { name: /Transcripts/ }).getByRole('option').count()).toBe(1);
      await row(coder, 'Lerend vermogen').click({ button: 'right' });
      const menu = page.getByRole('menu');
      await expect.poll(() => menu.getByRole('menuitem', { name: /Rename/ }).getAttribute('aria-disabled')).toBe('true');
      expect(await menu.getByRole('menuitem', { name: /Delete/ }).getAttribute('aria-disabled')).toBe('true');
      expect(await menu.getByRole('menuitem', { name: /Pin/ }).getAttribute('aria-disabled')).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('team-locked-copy-en') });
      await page.keyboard.press('Escape');
      // The inspector shows the code's definition without offering to edit it.
      await row(coder, 'Lerend vermogen').click();
      await expect.poll(() => page.getByRole('textbox', { name: 'Definition' }).getAttribute('readonly')).not.toBeNull();
      expect(await page.getByRole('button', { name: 'Change colour…' }).isDisabled()).toBe(true);
      // The restructuring keys give the same reason instead of acting: F2, Delete, Alt+arrows.
      const roots = () => tree(coder).locator('[role="row"][aria-level="1"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
      const order = await roots();
      const alert = page.getByRole('alert');
      for (const key of ['F2', 'Delete', 'Alt+ArrowDown', 'Alt+ArrowRight']) {
        await row(coder, 'Lerend vermogen').click();
        await page.keyboard.press(key);
        const reason = alert.getByText('The project lead locked the codebook of this coder copy', { exact: false });
        await reason.waitFor();
        expect(await page.getByRole('dialog').count(), key).toBe(0);
        if (key === 'F2') await page.screenshot({ path: screenshotPath('team-locked-key-en') });
        await alert.getByRole('button', { name: 'Close' }).click();
        await reason.waitFor({ state: 'detached' });
      }
      expect(await roots()).toEqual(order);
      // Codes cannot be dragged (no draggable rows), while dragging text onto a code still codes it.
      expect(await row(coder, 'Lerend vermogen').getAttribute('draggable')).toBeNull();
      const first = (await row(coder, order[0]!).boundingBox())!;
      const moved = (await row(coder, order[1]!).boundingBox())!;
      await page.mouse.move(moved.x + 80, moved.y + moved.height / 2);
      await page.mouse.down();
      await dragPointer(page, { x: moved.x + 80, y: moved.y + moved.height / 2 }, { x: first.x + 80, y: first.y + 3 });
      await page.mouse.up();
      await page.getByRole('listbox', { name: /Transcripts/ }).getByRole('option').first().click();
      await page.getByRole('article').waitFor();
      const target = 'Lerend vermogen';
      const before = Number(await countOf(coder, target));
      await selectText(coder, 'zo lang mogelijk thuis kunnen blijven');
      const from = await page.evaluate(() => {
        const r = window.getSelection()!.getRangeAt(0).getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      const box = (await row(coder, target).boundingBox())!;
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await dragPointer(page, from, { x: box.x + 60, y: box.y + box.height / 2 });
      await expect.poll(() => row(coder, target).getAttribute('data-drop-target')).toBe('true');
      await page.mouse.up();
      await expect.poll(() => countOf(coder, target)).toBe(String(before + 1));
      // The code drag before it moved nothing.
      expect(await roots()).toEqual(order);
      // "Save changes" in the main project explains instead of failing.
      lead.emit('command.invoke', { id: 'team.writeChanges' });
      await lead.page.getByText('This project is not a coder copy', { exact: false }).waitFor();
      // A file that is no change set: one message naming it, nothing to merge.
      const bogus = join(dir, 'notes.duiding-changes');
      writeFileSync(bogus, 'not a change set');
      lead.shell.importAnswers.push([bogus]);
      lead.emit('command.invoke', { id: 'team.merge' });
      const merge = lead.page.getByRole('dialog', { name: 'Merge work' });
      await merge.getByRole('alert').getByText('notes.duiding-changes is not a Duiding change set', { exact: false }).waitFor();
      expect(await merge.getByRole('button', { name: 'Merge' }).count()).toBe(0);
    } finally {
      await coder.close();
    }
  });
});
