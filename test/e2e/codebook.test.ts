// Codebook editing in the real renderer against a real project file: create,
// rename, recolour, define, merge, delete (+ undo), move by drag and by keys,
// and coding by dragging selected transcript text onto a code.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { selectText } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const codeByName = (h: Harness, name: string) =>
  h.get<{ id: number; parentId: number | null; color: string; definition: string; example: string; sortOrder: number }>(
    'SELECT id, parent_id AS parentId, color, definition, example, sort_order AS sortOrder FROM codes WHERE name = ?',
    name,
  );
const codingsOf = (h: Harness, name: string) =>
  h.all<{ id: number; sourceId: number; start: number; end: number }>(
    'SELECT c.id, c.source_id AS sourceId, c.start, c."end" FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = ? ORDER BY c.start',
    name,
  );
const codingCount = (h: Harness) => h.value<number>('SELECT COUNT(*) FROM codings');

const tree = (h: Harness) => h.page.getByRole('treegrid', { name: /Codeboek|Codebook/ });
const row = (h: Harness, name: string): Locator => tree(h).getByRole('row', { name, exact: true });

async function expand(h: Harness, parent: string): Promise<void> {
  const r = row(h, parent);
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.getByRole('button', { name: /Uitklappen|Expand/ }).click();
  await expect.poll(() => r.getAttribute('aria-expanded')).toBe('true');
}

/**
 * An example project with one exact duplicate waiting for a merge:
 * "Prikkels in de bekostiging" also codes the passage "Structurele
 * financiering" has, and "Structurele financiering" gets a second passage.
 */
function projectWithDuplicate(): { path: string; sharedRange: { sourceId: number; start: number; end: number } } {
  const path = exampleProject();
  const pdb = openProjectDb(path);
  try {
    const id = (name: string) => pdb.sqlite.prepare('SELECT id FROM codes WHERE name = ?').pluck().get(name) as number;
    const shared = pdb.sqlite.prepare('SELECT source_id AS sourceId, start, "end" FROM codings WHERE code_id = ?').get(id('Structurele financiering')) as
      { sourceId: number; start: number; end: number };
    const coderId = ensureUser(pdb, 'Testcodeur');
    applyCoding(pdb, { sourceId: shared.sourceId, codeId: id('Prikkels in de bekostiging'), ranges: [{ start: shared.start, end: shared.end }], coderId });
    const other = shared.start > 40 ? { start: shared.start - 40, end: shared.start - 5 } : { start: shared.end + 5, end: shared.end + 40 };
    applyCoding(pdb, { sourceId: shared.sourceId, codeId: id('Structurele financiering'), ranges: [other], coderId });
    return { path, sharedRange: shared };
  } finally {
    pdb.close();
  }
}

/**
 * Moves a pressed mouse in steps (Chromium starts a native drag on the first
 * moves), then nudges it at the end: React Aria settles its drop target on a
 * dragover at the final point, and Playwright sends one per move.
 */
async function dragPointer(page: Harness['page'], from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.mouse.move(to.x + 1, to.y);
  await page.mouse.move(to.x, to.y);
}

const focusedRow = (h: Harness) => h.page.evaluate(() => document.activeElement?.getAttribute('role') === 'row' ? document.activeElement.getAttribute('aria-label') : null);

/** The top-level codes as the tree shows them, in order. */
const shownRoots = (h: Harness) => tree(h).locator('[role="row"][aria-level="1"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));

/** The sub-codes of a code as the tree shows them (rows one level deeper right after it). */
const shownChildren = (h: Harness, parent: string) =>
  tree(h).locator('[role="row"]').evaluateAll((rows, name) => {
    const at = rows.findIndex((r) => r.getAttribute('aria-label') === name);
    if (at === -1) return [];
    const level = Number(rows[at]!.getAttribute('aria-level'));
    const out: (string | null)[] = [];
    for (const r of rows.slice(at + 1)) {
      const l = Number(r.getAttribute('aria-level'));
      if (l <= level) break;
      if (l === level + 1) out.push(r.getAttribute('aria-label'));
    }
    return out;
  }, parent);

async function focusRow(h: Harness, name: string): Promise<void> {
  // Tab into the tree like a keyboard user, then walk to the row with the arrow keys.
  await row(h, name).focus();
  await expect.poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
}

describe('codebook editing', () => {
  it('creates, renames (F2 in the tree), recolours and defines a code', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await tree(h).waitFor();

    // New top-level code.
    await page.getByRole('button', { name: 'Nieuwe code' }).click();
    const create = page.getByRole('dialog', { name: 'Nieuwe code' });
    await create.getByLabel('Naam').fill('Vertrouwen in data');
    await page.keyboard.press('Enter');
    await expect.poll(() => codeByName(h, 'Vertrouwen in data')).toMatchObject({ parentId: null });
    await row(h, 'Vertrouwen in data').waitFor();
    await page.getByRole('status').filter({ hasText: 'Code "Vertrouwen in data" gemaakt.' }).waitFor();

    // F2 on the focused row renames; it must not reach the app's F2 (edit transcript text).
    await row(h, 'Vertrouwen in data').click();
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: 'Vertrouwen in data" hernoemen', exact: false });
    await rename.waitFor();
    await page.keyboard.type('Vertrouwen in gegevens');
    await page.keyboard.press('Enter');
    await expect.poll(() => codeByName(h, 'Vertrouwen in gegevens')).toBeTruthy();
    expect(await codeByName(h, 'Vertrouwen in data')).toBeUndefined();
    await rename.waitFor({ state: 'detached' });

    // Recolour from the context menu: a palette swatch, then a custom hex colour.
    await row(h, 'Vertrouwen in gegevens').click({ button: 'right' });
    await page.getByRole('menu').getByRole('menuitem', { name: 'Kleur wijzigen…' }).click();
    const colour = page.getByRole('dialog', { name: /Kleur van/ });
    await colour.getByRole('radio', { name: 'Rood' }).click({ force: true });
    await colour.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(async () => (await codeByName(h, 'Vertrouwen in gegevens'))?.color).toBe('#d62728');
    await row(h, 'Vertrouwen in gegevens').getByRole('button', { name: 'Acties voor Vertrouwen in gegevens' }).click();
    await page.getByRole('menuitem', { name: 'Kleur wijzigen…' }).click();
    const hex = colour.getByLabel(/Eigen kleur/);
    await hex.fill('#12ZZ');
    await expect.poll(() => colour.getByRole('button', { name: 'Opslaan' }).isDisabled()).toBe(true);
    await hex.fill('#123ABC');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await codeByName(h, 'Vertrouwen in gegevens'))?.color).toBe('#123abc');

    // The inspector edits the definition: saved on leaving the field, the example on Ctrl+Enter.
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByLabel('Definitie').fill('Uitspraken over het vertrouwen in cijfers en registraties.');
    await inspector.getByLabel('Wanneer toepassen').focus();
    await expect.poll(async () => (await codeByName(h, 'Vertrouwen in gegevens'))?.definition).toBe('Uitspraken over het vertrouwen in cijfers en registraties.');
    await inspector.getByLabel('Voorbeeldcitaat').fill('Die cijfers klopten gewoon niet.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await codeByName(h, 'Vertrouwen in gegevens'))?.example).toBe('Die cijfers klopten gewoon niet.');
    await inspector.getByRole('table', { name: 'Aantallen' }).waitFor();
    await page.screenshot({ path: screenshotPath('codebook-inspector-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Every edit was its own undo step: undo the example, the definition stays.
    await tree(h).getByRole('row').first().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await codeByName(h, 'Vertrouwen in gegevens'))?.example).toBe('');
    expect((await codeByName(h, 'Vertrouwen in gegevens'))?.definition).toContain('vertrouwen in cijfers');
    expect(h.pageErrors).toEqual([]);
  });

  it('merges two codes with the keyboard only: numbers shown, codings moved, duplicate collapsed, counts updated', async () => {
    const { path, sharedRange } = projectWithDuplicate();
    harness = await launchHarness({ projectPath: path });
    const h = harness;
    const { page } = h;
    await tree(h).waitFor();
    await expand(h, 'Wat is nodig');
    const before = await codingCount(h);
    expect(await codingsOf(h, 'Structurele financiering')).toHaveLength(2);
    expect(await codingsOf(h, 'Prikkels in de bekostiging')).toHaveLength(3);

    await focusRow(h, 'Structurele financiering');
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await page.keyboard.type('Samen');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Samenvoegen met');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '"Structurele financiering" samenvoegen' });
    await dialog.waitFor();
    await page.keyboard.type('Prikkels');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.getByText('2 coderingen gaan van "Structurele financiering" naar "Prikkels in de bekostiging".').waitFor();
    await dialog.getByText(/1 daarvan valt samen met een codering/).waitFor();
    await page.screenshot({ path: screenshotPath('codebook-merge-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Samenvoegen') break;
    }
    await page.keyboard.press('Enter');

    await expect.poll(() => codeByName(h, 'Structurele financiering')).toBeUndefined();
    const merged = await codingsOf(h, 'Prikkels in de bekostiging');
    expect(merged).toHaveLength(4);
    expect(merged.filter((c) => c.sourceId === sharedRange.sourceId && c.start === sharedRange.start && c.end === sharedRange.end)).toHaveLength(1);
    expect(await codingCount(h)).toBe(before - 1);
    await expand(h, 'Bekostiging en financiering');
    await expect.poll(() => row(h, 'Prikkels in de bekostiging').locator('.count').textContent()).toBe('4');
    await page.getByRole('status').filter({ hasText: 'samengevoegd met' }).waitFor();

    // The inspector counts the merged code, for all perspectives and for one.
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const counts = inspector.getByRole('table', { name: 'Aantallen' });
    await expect.poll(() => counts.getByRole('row', { name: /Fragmenten/ }).textContent()).toBe('Fragmenten4');
    const prikkels = (await codeByName(h, 'Prikkels in de bekostiging'))!.id;
    const expected = (await h.inEngine(({ db, lib }, perspective) => lib.listCodes(db, perspective), 'bestuurder' as const)).find((c) => c.id === prikkels)!.counts;
    await page.getByRole('button', { name: /Alle perspectieven/ }).click();
    await page.getByRole('listbox').last().getByRole('option', { name: 'Bestuurder', exact: true }).click();
    const filtered = inspector.getByRole('table', { name: 'Aantallen (Bestuurder)' });
    await expect.poll(() => filtered.getByRole('row', { name: /Fragmenten/ }).textContent()).toBe(`Fragmenten${expected.segments}`);
    expect(await filtered.getByRole('row', { name: /Deelnemers/ }).textContent()).toBe(`Deelnemers${expected.participants}`);
    expect(await filtered.getByRole('row', { name: /Transcripten/ }).textContent()).toBe(`Transcripten${expected.sources}`);
    expect(expected.segments).toBeLessThan(4);
    expect(h.pageErrors).toEqual([]);
  });

  it('deletes a code with its codings after asking, and Ctrl+Z brings them back (keyboard only)', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await tree(h).waitFor();
    await expand(h, 'Bekostiging en financiering');
    const codings = await codingsOf(h, 'Prikkels in de bekostiging');
    expect(codings).toHaveLength(2);
    const before = await codingCount(h);

    // The menu first (screenshot), then Delete on the row opens the same question.
    await row(h, 'Prikkels in de bekostiging').click({ button: 'right' });
    await page.getByRole('menu').waitFor();
    await page.screenshot({ path: screenshotPath('codebook-menu-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });

    await focusRow(h, 'Prikkels in de bekostiging');
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: '"Prikkels in de bekostiging" verwijderen?' });
    await dialog.getByText('2 coderingen verdwijnen mee.').waitFor();
    await page.screenshot({ path: screenshotPath('codebook-delete-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    // Cancel has the focus (the safe choice); Tab reaches Verwijderen.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => codeByName(h, 'Prikkels in de bekostiging')).toBeUndefined();
    expect(await codingCount(h)).toBe(before - 2);
    await row(h, 'Prikkels in de bekostiging').waitFor({ state: 'detached' });
    // The next code takes the focus: the keyboard user stays in the tree.
    await expect.poll(() => focusedRow(h)).toBe('Structurele inbedding na een pilot');

    await page.keyboard.press('Control+z');
    await expect.poll(() => codingsOf(h, 'Prikkels in de bekostiging')).toEqual(codings);
    await row(h, 'Prikkels in de bekostiging').waitFor();
    expect(h.pageErrors).toEqual([]);
  });

  it('codes by dragging selected text onto a code, and moves codes by drag and by keys', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    const target = 'Wat is nodig';
    const before = (await codingsOf(h, target)).length;

    const phrase = 'zo lang mogelijk thuis kunnen blijven';
    await selectText(h, phrase);
    await page.getByText('Sleep geselecteerde tekst op een code om te coderen').waitFor();
    const from = await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const box = (await row(h, target).boundingBox())!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await dragPointer(page, from, { x: box.x + 60, y: box.y + box.height / 2 });
    await expect.poll(() => row(h, target).getAttribute('data-drop-target')).toBe('true');
    await page.screenshot({ path: screenshotPath('codebook-drop-nl') });
    await page.mouse.up();
    await expect.poll(async () => (await codingsOf(h, target)).length).toBe(before + 1);
    const text = await h.value<string>('SELECT text FROM sources WHERE id = ?', (await codingsOf(h, target)).at(-1)!.sourceId);
    const coded = (await h.get<{ start: number; end: number }>('SELECT start, "end" FROM codings ORDER BY id DESC LIMIT 1'))!;
    expect(text.slice(coded.start, coded.end)).toBe(phrase);

    // Split: the coding picked in the margin goes to a new sub-code of its code.
    const picked = await codingsOf(h, 'Schotten tussen financieringsstromen');
    expect(picked).toHaveLength(1);
    await page.getByRole('button', { name: 'Schotten tussen financieringsstromen', exact: true }).click();
    await expand(h, 'Bekostiging en financiering');
    await row(h, 'Schotten tussen financieringsstromen').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Afsplitsen (1 geselecteerde codering)…' }).click();
    const split = page.getByRole('dialog', { name: 'Afsplitsen uit "Schotten tussen financieringsstromen"' });
    await split.getByLabel('Naam').fill('Indicatie valt bij de gemeente');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await codingsOf(h, 'Indicatie valt bij de gemeente')).map((c) => c.id)).toEqual([picked[0]!.id]);
    expect((await codeByName(h, 'Indicatie valt bij de gemeente'))?.parentId).toBe((await codeByName(h, 'Schotten tussen financieringsstromen'))!.id);
    expect(await codingsOf(h, 'Schotten tussen financieringsstromen')).toHaveLength(0);

    // Move by drag: "Beeld van JZOJP" onto the top half of the first row lands before it.
    const roots = () => h.values<string>('SELECT name FROM codes WHERE parent_id IS NULL ORDER BY sort_order, id');
    expect((await roots())[0]).toBe('Bekostiging en financiering');
    const src = (await row(h, 'Beeld van JZOJP').boundingBox())!;
    const dst = (await row(h, 'Bekostiging en financiering').boundingBox())!;
    await page.mouse.move(src.x + 80, src.y + src.height / 2);
    await page.mouse.down();
    // (the drop line before the first row shows while dragging)
    await dragPointer(page, { x: src.x + 80, y: src.y + src.height / 2 }, { x: src.x + 80, y: dst.y + 3 });
    await page.mouse.up();
    await expect.poll(async () => (await roots())[0]).toBe('Beeld van JZOJP');

    await expect.poll(() => shownRoots(h)).toEqual(await roots());

    // By keys, pressed as fast as a practised user does (no waiting in between): each step starts where the
    // previous one ended, even before the tree on screen has caught up. Alt+↓ twice: two places down.
    await focusRow(h, 'Beeld van JZOJP');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => shownRoots(h)).toEqual(['Bekostiging en financiering', 'Lerend vermogen', 'Beeld van JZOJP', ...(await roots()).slice(3)]);
    expect(await roots()).toEqual(await shownRoots(h));
    // The moved row keeps the keyboard focus, so the next step needs no pointer.
    await expect.poll(() => focusedRow(h)).toBe('Beeld van JZOJP');
    // Alt+↑ then at once Alt+→: one place up, then a sub-code of the code above it (the first block), shown last
    // under it with its parent opened.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowRight');
    const block = row(h, 'Bekostiging en financiering');
    await expect.poll(() => block.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => shownChildren(h, 'Bekostiging en financiering').then((c) => c.at(-1))).toBe('Beeld van JZOJP');
    expect((await codeByName(h, 'Beeld van JZOJP'))?.parentId).toBe((await codeByName(h, 'Bekostiging en financiering'))!.id);
    expect(await shownRoots(h)).not.toContain('Beeld van JZOJP');
    // And back out with Alt+←: right after its parent again.
    await expect.poll(() => focusedRow(h)).toBe('Beeld van JZOJP');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => shownRoots(h).then((r) => r.slice(0, 2))).toEqual(['Bekostiging en financiering', 'Beeld van JZOJP']);
    expect(h.pageErrors).toEqual([]);
  });

  it('English: the menu and the delete question', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    await tree(h).waitFor();
    await expand(h, 'Kwetsbare groepen');
    await row(h, 'Bereik en toegankelijkheid').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Merge with…' }).waitFor();
    await page.screenshot({ path: screenshotPath('codebook-menu-en') });
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete "Bereik en toegankelijkheid"?' });
    await dialog.getByText('2 codings go with it.').waitFor();
    await page.screenshot({ path: screenshotPath('codebook-delete-en') });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await codingsOf(h, 'Bereik en toegankelijkheid')).toHaveLength(2);
    expect(h.pageErrors).toEqual([]);
  });
});
