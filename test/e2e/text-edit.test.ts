// Correcting transcript text after coding, in the real renderer: F2 on a
// selection opens the turn editor, Ctrl+Enter saves, codings in the project
// file still cover the intended words and the marks show; undo restores; a
// coding whose text was deleted shows up for review and can be placed again.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { openProjectDb } from '../../src-main/db/open.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { editorSelects, selectIn, selectText } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const PHRASES = {
  X: 'zo lang mogelijk thuis kunnen blijven',
  Y: 'thuis kunnen blijven, maar dan wel goed',
  Z: 'wissewasje',
};

/** The example project with three codings (two overlapping) in Marieke's first turn. */
function project(): { path: string; sourceId: number; ids: Record<string, number> } {
  const path = exampleProject();
  const db = openProjectDb(path);
  try {
    const sourceId = db.sqlite.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
    const text = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
    const coder = ensureUser(db, 'Tester');
    const ids: Record<string, number> = {};
    for (const [name, phrase] of Object.entries(PHRASES)) {
      const start = text.indexOf(phrase);
      ids[name] = applyCoding(db, { sourceId, codeId: resolveCode(db, 'Tijd en capaciteit')!, ranges: [{ start, end: start + phrase.length }], coderId: coder })[0]!;
    }
    return { path, sourceId, ids };
  } finally {
    db.close();
  }
}

async function covered(h: Harness, ids: Record<string, number>): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [name, id] of Object.entries(ids)) {
    const row = await h.get<{ text: string; start: number; end: number }>('SELECT s.text, c.start, c."end" AS end FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.id = ?', id);
    out[name] = row ? row.text.slice(row.start, row.end) : null;
  }
  return out;
}

/** Replaces `word` in the open turn editor by typing, as a user would after selecting it. */
async function replaceInEditor(h: Harness, word: string, replacement: string): Promise<void> {
  const editor = h.page.locator('.turn-editor__input');
  await selectIn(h, '.turn-editor__input', word);
  // Lexical takes the DOM selection over on selectionchange: wait until its own selection holds the word.
  await editorSelects(h, '.turn-editor__input', word);
  await h.page.keyboard.type(replacement);
  await expect.poll(() => editor.textContent()).toContain(replacement);
}

const sourceText = (h: Harness, id: number) => h.value<string>('SELECT text FROM sources WHERE id = ?', id);

describe('correcting text after coding', () => {
  it('F2 on a selection, change a word inside a coded passage and one before it, Ctrl+Enter; codings follow; undo restores', async () => {
    const { path, sourceId, ids } = project();
    harness = await launchHarness({ projectPath: path });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    const before = await sourceText(h, sourceId);
    expect(await covered(h, ids)).toEqual(PHRASES);

    await selectText(h, 'kunnen blijven');
    await page.keyboard.press('F2');
    const editor = page.getByRole('textbox', { name: 'Tekst van deze beurt' });
    await editor.waitFor();
    await expect.poll(() => editor.textContent()).toContain('Voor mij gaat het erom dat mensen zo lang mogelijk thuis kunnen blijven');
    await replaceInEditor(h, 'blijven', 'wonen');
    await replaceInEditor(h, 'mensen', 'ouderen');
    await page.screenshot({ path: screenshotPath('text-edit-editor-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');

    await page.getByRole('status').filter({ hasText: 'Tekst aangepast' }).waitFor();
    await expect.poll(() => covered(h, ids)).toEqual({
      X: 'zo lang mogelijk thuis kunnen wonen',
      Y: 'thuis kunnen wonen, maar dan wel goed',
      Z: 'wissewasje',
    });
    expect(await sourceText(h, sourceId)).toContain('dat ouderen zo lang mogelijk thuis kunnen wonen, maar');
    expect(await editor.count()).toBe(0);
    // The marks show the corrected words.
    await expect.poll(() => page.locator('mark.coding').filter({ hasText: 'wonen' }).count()).toBeGreaterThan(0);
    expect(await page.locator('mark.coding').filter({ hasText: 'blijven' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Undo (focus is back on the turn, not in a text field) restores text and codings.
    await page.keyboard.press('Control+z');
    await expect.poll(() => sourceText(h, sourceId)).toBe(before);
    expect(await covered(h, ids)).toEqual(PHRASES);
    await page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt' }).waitFor();
    await expect.poll(() => page.locator('mark.coding').filter({ hasText: 'blijven' }).count()).toBeGreaterThan(0);
  });

  it('Escape cancels; a coding whose text is deleted is shown for review and can be placed again (English)', async () => {
    const { path, sourceId, ids } = project();
    harness = await launchHarness({ projectPath: path, language: 'en' });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripts/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    const before = await sourceText(h, sourceId);

    // The edit button on the turn header; Escape leaves without saving.
    await page.getByRole('button', { name: /Edit the text of Marieke/ }).first().click();
    const editor = page.getByRole('textbox', { name: 'Text of this turn' });
    await editor.waitFor();
    await replaceInEditor(h, 'wissewasje', 'iets');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await sourceText(h, sourceId)).toBe(before);

    // Delete the whole coded word: Z is lost and listed for review.
    await page.getByRole('button', { name: /Edit the text of Marieke/ }).first().click();
    await editor.waitFor();
    await replaceInEditor(h, 'voor elk wissewasje naar', 'naar');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: '1 coding to review' }).waitFor();
    expect((await covered(h, ids)).Z).toBeNull();
    const review = page.getByRole('region', { name: /Codings to review/ });
    await review.waitFor();
    expect(await review.textContent()).toContain('Was on: “wissewasje”');
    await page.screenshot({ path: screenshotPath('text-edit-review-en') });
    expect(await seriousViolations(page)).toEqual([]);

    // Place it again on a new selection: the same coding comes back.
    await selectText(h, 'spoedpost');
    await review.getByRole('button', { name: /Place again: Tijd en capaciteit/ }).click();
    await expect.poll(async () => (await covered(h, ids)).Z).toBe('spoedpost');
    await expect.poll(() => review.count()).toBe(0);
  });
});
