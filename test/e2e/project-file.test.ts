// Project-level safety in the real UI (issue 10 §5, §7, §15): a project on
// read-only media is offered read-only (not called damaged), shows a banner,
// refuses writes with a clear message and can be saved as an editable copy;
// the change log marks and explains steps that can no longer be undone and
// clears the history after saying what is lost.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import { onMedia, readOnlyMedia, type ReadOnlyMedia } from '../helpers/read-only-media.ts';
import { FIXTURE_DIR, fixtureName } from '../../scripts/make-schema-fixtures.ts';

let harness: Harness | undefined;
let media: ReadOnlyMedia | undefined;
closeHarnessAfterEach(() => harness, () => {
  harness = undefined;
  media?.close();
  media = undefined;
});

const notice = (h: Harness) => h.page.getByRole('alert');

describe('a project on read-only media', () => {
  it('is offered read-only, shows a banner, refuses changes clearly and saves an editable copy', async () => {
    const project = exampleProject();
    media = await readOnlyMedia([project]);
    harness = await launchHarness();
    const h = harness;
    const { page } = h;

    // Open it from the start screen: refused as read-only, with an offer.
    h.shell.dialogAnswers.push(onMedia(media, project));
    await page.getByRole('button', { name: 'Project openen…' }).click();
    await expect.poll(() => notice(h).textContent()).toMatch(/niet beschadigd.*alleen-lezen/);
    expect(await notice(h).textContent()).not.toMatch(/open een back-up/);
    const offer = page.getByRole('button', { name: 'Alleen-lezen openen' });
    await offer.focus();
    await page.keyboard.press('Enter');

    // Open for viewing: the banner says so and offers a copy.
    const banner = page.getByRole('status').filter({ hasText: 'staat op een plek waar Duiding niet kan schrijven' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Voorbeeld.duiding');
    await page.getByRole('treegrid', { name: 'Codeboek' }).getByRole('row', { name: 'Lerend vermogen' }).waitFor();
    await page.screenshot({ path: screenshotPath('read-only-banner') });
    expect(await seriousViolations(page)).toEqual([]);

    // A change is refused with a clear message (undo from the keyboard, outside a text field).
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(h).textContent()).toMatch(/alleen-lezen geopend.*Opslaan als/);
    // The change log does not offer what cannot be done.
    await page.keyboard.press('Control+7');
    await page.getByRole('heading', { name: 'Wijzigingslog' }).waitFor();
    expect(await page.getByRole('button', { name: 'Geschiedenis wissen…' }).isDisabled()).toBe(true);

    // Save an editable copy: without history by default.
    const copy = join(mkdtempSync(join(tmpdir(), 'duiding-e2e-copy-')), 'Kopie.duiding');
    h.shell.dialogAnswers.push(copy);
    await banner.getByRole('button', { name: 'Kopie opslaan om te bewerken…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Opslaan als…' });
    await dialog.waitFor();
    const keep = dialog.getByRole('checkbox', { name: /Geschiedenis meenemen/ });
    expect(await keep.isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Kies een plek…' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect.poll(() => h.engine.project?.path).toBe(copy);
    expect(h.engine.project?.readOnly).toBe(false);
    await page.getByRole('status').filter({ hasText: 'Opgeslagen als Kopie.duiding' }).waitFor();
  });
});

describe('the change log', () => {
  it('marks and explains steps an upgrade retired, and clears the history after saying what is lost (keyboard, axe)', async () => {
    // The schema-7 fixture: its undo log was written before the schema-8 upgrade rebuilt tables,
    // so opening it with this version (whatever the latest schema is) retires its older steps.
    const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-'));
    const path = join(dir, 'Oud project.duiding');
    copyFileSync(join(FIXTURE_DIR, fixtureName(7)), path);
    harness = await launchHarness({ projectPath: path });
    const h = harness;
    const { page } = h;
    // How many steps the upgrade(s) retired and how many there are: read from the upgraded
    // project, so a later migration that retires more does not break the test.
    const history = (await h.get<{ steps: number; retired: number; undoable: number }>(
      'SELECT count(*) AS steps, coalesce(sum(retired), 0) AS retired, coalesce(sum(retired = 0 AND undone = 0), 0) AS undoable FROM history',
    ))!;
    expect(history.retired).toBeGreaterThan(0);
    expect(history.undoable).toBeGreaterThan(0);
    await page.keyboard.press('Control+7');
    const table = page.getByRole('table', { name: 'Wijzigingslog' });
    await table.waitFor();
    const retired = table.getByText('niet meer ongedaan te maken', { exact: true });
    // Wait (playwright's timeout) for the marks the user sees, then count them.
    await retired.nth(history.retired - 1).waitFor();
    expect(await retired.count()).toBe(history.retired);
    await page.getByText(/Vastgelegd met een oudere versie van Duiding/).waitFor();
    // The newer steps still undo.
    expect(await page.getByRole('button', { name: /Ongedaan maken/ }).isDisabled()).toBe(false);
    await page.screenshot({ path: screenshotPath('change-log-retired') });
    expect(await seriousViolations(page)).toEqual([]);

    // Clear the history, by keyboard.
    await page.getByRole('button', { name: 'Geschiedenis wissen…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Geschiedenis wissen tot nu?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/project blijft precies zoals het nu is/);
    expect(await dialog.textContent()).toMatch(/niet meer terug te halen/);
    // Cancel has the focus: Enter would change nothing.
    await dialog.locator('button:focus', { hasText: 'Annuleren' }).waitFor();
    await page.screenshot({ path: screenshotPath('change-log-clear-dialog') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await table.getByText(`Geschiedenis gewist: ${history.steps} eerdere stappen kunnen niet meer ongedaan worden gemaakt`).waitFor();
    await table.getByRole('row').nth(2).waitFor({ state: 'detached' });
    expect(await table.getByRole('row').count()).toBe(2); // header + the one entry
    expect(await page.getByRole('button', { name: /Ongedaan maken/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Geschiedenis wissen…' }).isDisabled()).toBe(true);
    await page.getByRole('status').filter({ hasText: `Geschiedenis gewist (${history.steps} stappen).` }).waitFor();
    expect(await h.value('SELECT count(*) FROM undo_log')).toBe(0);
  });

  it('in English, with a copy to share from the menu (history left out unless asked)', async () => {
    const project = exampleProject();
    harness = await launchHarness({ projectPath: project, language: 'en' });
    const h = harness;
    const { page } = h;
    await page.keyboard.press('Control+7');
    await page.getByRole('heading', { name: 'Change log' }).waitFor();
    h.emit('command.invoke', { id: 'project.copyToShare' });
    const dialog = page.getByRole('dialog', { name: 'Copy to share' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/no names you replaced/);
    await page.screenshot({ path: screenshotPath('copy-to-share-en') });
    expect(await seriousViolations(page)).toEqual([]);
    const target = join(mkdtempSync(join(tmpdir(), 'duiding-e2e-share-')), 'Shared.duiding');
    h.shell.dialogAnswers.push(target);
    await dialog.getByRole('button', { name: 'Choose a place…' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Copy saved: Shared.duiding.' }).waitFor();
    expect(h.engine.project?.path).toBe(project);
  });
});
