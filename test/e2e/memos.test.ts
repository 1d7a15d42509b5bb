import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { editorSelects, editorTextEndsWith } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

interface MemoRow {
  id: number;
  target_kind: string;
  target_guid: string | null;
  title: string;
  body: string;
  plain: string;
  author: string | null;
}

const codeMemos = (h: Harness, code: string) =>
  h.all<MemoRow>(
    `SELECT m.id, m.target_kind, m.target_guid, m.title, m.body, m.plain, u.name AS author FROM memos m
     LEFT JOIN users u ON u.id = m.author_id WHERE m.target_kind = 'code' AND m.target_guid = (SELECT guid FROM codes WHERE name = ?) ORDER BY m.id`,
    code,
  );

const undoneSteps = (h: Harness) => h.value<number>('SELECT COUNT(*) FROM history WHERE undone = 1');

/** Text nodes of a Lexical body with their format bits (1 = bold, 2 = italic). */
function textRuns(body: string): { text: string; format: number }[] {
  const runs: { text: string; format: number }[] = [];
  const walk = (node: { type?: string; text?: string; format?: number; children?: unknown[] }) => {
    if (node.type === 'text') runs.push({ text: node.text ?? '', format: node.format ?? 0 });
    for (const child of node.children ?? []) walk(child as never);
  };
  walk((JSON.parse(body) as { root: never }).root);
  return runs;
}

/** The memo editor's root, for waiting on what its state holds (Lexical takes selection changes and typing in asynchronously). */
const MEMO = '.memo-editor__text';

describe('memos', () => {
  it('writes a memo on a code with the keyboard, bold included; saves; finds it in the journal; undo/redo; delete', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await h.inEngine(({ session }, name) => {
      session.coder = name;
    }, 'Analist');
    const tree = page.getByRole('treegrid', { name: 'Codeboek' });
    await tree.getByRole('row', { name: 'Lerend vermogen' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const panel = inspector.getByRole('region', { name: 'Memo’s bij deze code' });
    await panel.getByText('Nog geen memo’s.').waitFor();

    // Keyboard only: "Nieuwe memo", type, select the last word, Ctrl+B.
    await panel.getByRole('button', { name: 'Nieuwe memo' }).focus();
    await page.keyboard.press('Enter');
    const text = panel.getByRole('textbox', { name: 'Tekst van de memo' });
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Regio’s leren vooral informeel van elkaar');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('elkaar');
    await editorSelects(h, MEMO, 'elkaar');
    await page.keyboard.press('Control+b');
    await expect.poll(() => panel.getByRole('button', { name: 'Vet' }).getAttribute('aria-pressed')).toBe('true');
    await panel.getByText('Opgeslagen').waitFor();
    await expect.poll(async () => (await codeMemos(h, 'Lerend vermogen'))[0]?.body.includes('"format":1')).toBe(true);
    const saved = await codeMemos(h, 'Lerend vermogen');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ plain: 'Regio’s leren vooral informeel van elkaar', author: 'Analist', title: '' });
    expect(textRuns(saved[0]!.body)).toEqual([{ text: 'Regio’s leren vooral informeel van ', format: 0 }, { text: 'elkaar', format: 1 }]);
    await expect.poll(() => text.locator('strong').innerText()).toBe('elkaar');
    // Ctrl+Z inside the editor is the editor's own undo, never the project's.
    await page.keyboard.press('End');
    await page.keyboard.type(' x');
    await editorTextEndsWith(h, MEMO, 'elkaar x');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.innerText()).toBe('Regio’s leren vooral informeel van elkaar');
    // Electron's Edit menu sends the undo command instead of the key: still the editor's own undo, text intact.
    await page.keyboard.type(' y');
    await editorTextEndsWith(h, MEMO, 'elkaar y');
    h.emit('command.invoke', { id: 'edit.undo' });
    await expect.poll(() => text.innerText()).toBe('Regio’s leren vooral informeel van elkaar');
    expect(await undoneSteps(h)).toBe(0);
    // Saves while typing are one change-log entry.
    const edits = await h.value("SELECT COUNT(*) FROM history WHERE label = 'memos.history.edited'");
    expect(edits).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The journal lists it; the search ignores case and accents and names the code.
    await page.getByRole('tab', { name: 'Memo\'s', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Zoek in memo’s' });
    await search.fill('INFORMEEL régio');
    const hits = page.getByRole('list', { name: 'Alle memo’s' }).getByRole('article');
    await expect.poll(() => hits.count()).toBe(1);
    await expect.poll(() => hits.first().innerText()).toContain('Code: Lerend vermogen');
    expect(await hits.first().innerText()).toContain('Door Analist');
    await page.getByRole('status').filter({ hasText: '1 memo' }).waitFor();
    await search.fill('geen-memo-heeft-dit');
    await page.getByText('Geen memo’s gevonden voor „geen-memo-heeft-dit”.').waitFor();
    await search.fill('');
    await expect.poll(() => hits.count()).toBe(5); // the example's four and this one
    await page.screenshot({ path: screenshotPath('memos-journal-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Ctrl+Z outside the editor undoes the memo edit (all its saves), then its creation; redo brings both back.
    await page.getByRole('tab', { name: 'Memo\'s', exact: true }).focus();
    await page.keyboard.press('Control+z');
    await page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt: Memo bewerkt' }).waitFor();
    await expect.poll(async () => (await codeMemos(h, 'Lerend vermogen'))[0]?.plain).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(() => codeMemos(h, 'Lerend vermogen')).toEqual([]);
    await page.keyboard.press('Control+Shift+Z');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await codeMemos(h, 'Lerend vermogen'))[0]?.plain).toBe('Regio’s leren vooral informeel van elkaar');
    await expect.poll(() => hits.first().innerText()).toContain('Regio’s leren vooral informeel van elkaar');

    // An open editor follows an undo made elsewhere.
    await hits.first().getByRole('button', { name: /^Bewerken/ }).click();
    const hitText = hits.first().getByRole('textbox', { name: 'Tekst van de memo' });
    await expect.poll(() => hitText.innerText()).toBe('Regio’s leren vooral informeel van elkaar');
    await page.getByRole('tab', { name: 'Memo\'s', exact: true }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await hitText.innerText()).trim()).toBe('');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => hitText.innerText()).toBe('Regio’s leren vooral informeel van elkaar');

    // Delete asks first; undo brings the memo back.
    await hits.first().getByRole('button', { name: 'Verwijderen' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Memo verwijderen?' });
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    expect(await codeMemos(h, 'Lerend vermogen')).toHaveLength(1);
    await hits.first().getByRole('button', { name: 'Verwijderen' }).click();
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await expect.poll(() => codeMemos(h, 'Lerend vermogen')).toEqual([]);
    await page.getByRole('tab', { name: 'Memo\'s', exact: true }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => codeMemos(h, 'Lerend vermogen')).toHaveLength(1);

    // A title is saved too and names the memo in the list.
    await expect.poll(() => hits.first().getAttribute('aria-label')).toBe('Regio’s leren vooral informeel van elkaar');
    await hits.first().getByRole('button', { name: /^Bewerken/ }).click();
    await hits.first().getByRole('textbox', { name: 'Titel' }).fill('Leren in de regio');
    await expect.poll(async () => (await codeMemos(h, 'Lerend vermogen'))[0]?.title).toBe('Leren in de regio');
    await expect.poll(() => hits.first().getAttribute('aria-label')).toBe('Leren in de regio');
    expect(h.pageErrors).toEqual([]);
  });

  it('English: the journal, a memo on a coding that leads to its place', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en' });
    const h = harness;
    const { page } = h;
    // A coding whose code appears once in its transcript, so its margin bar is unambiguous.
    const coding = (await h.get<{ id: number; sourceId: number; code: string }>(
      `SELECT c.id, c.source_id AS sourceId, k.name AS code FROM codings c JOIN codes k ON k.id = c.code_id
       WHERE (SELECT COUNT(*) FROM codings d WHERE d.source_id = c.source_id AND d.code_id = c.code_id) = 1 ORDER BY c.id LIMIT 1`,
    ))!;
    // A memo on a coding, made through the same channel the inspector uses.
    await page.evaluate(async (id) => {
      const bridge = (window as unknown as { duiding: { invoke(c: string, p: unknown): Promise<{ ok: boolean }> } }).duiding;
      await bridge.invoke('memos.create', { target: { kind: 'coding', id }, title: 'Strong quote' });
    }, coding.id);
    await page.getByRole('tab', { name: 'Memos', exact: true }).click();
    await page.getByRole('region', { name: 'Journal' }).getByText('Logboek: eerste codeerronde').waitFor();
    const hit = page.getByRole('list', { name: 'All memos' }).getByRole('article', { name: 'Strong quote' });
    await expect.poll(() => hit.innerText()).toContain('Coding: ');
    await page.getByRole('region', { name: 'Journal' }).getByRole('button', { name: /Logboek: eerste codeerronde/ }).click();
    await page.getByRole('region', { name: 'Journal' }).getByRole('textbox', { name: 'Memo text' }).waitFor();
    await page.screenshot({ path: screenshotPath('memos-journal-en') });
    expect(await seriousViolations(page)).toEqual([]);
    await hit.getByRole('button', { name: 'Show in transcript' }).click();
    await page.getByRole('article').waitFor();
    // The coding's margin bar (named with its memo mark, issue 11 §2) selects it; the inspector shows its memo.
    await page.getByRole('button', { name: `${coding.code}, with memo`, exact: true }).click();
    const codingMemos = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Memos on this coding' });
    await codingMemos.getByRole('button', { name: /Strong quote/ }).click();
    await codingMemos.getByRole('textbox', { name: 'Memo text' }).waitFor();
    await page.screenshot({ path: screenshotPath('memos-coding-en') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
