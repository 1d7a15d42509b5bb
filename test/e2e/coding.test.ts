import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { selectText } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const codingsIn = (h: Harness) =>
  h.all<{ start: number; end: number; name: string }>('SELECT c.start, c."end", k.name FROM codings c JOIN codes k ON k.id = c.code_id ORDER BY c.id');

describe('coding in the transcript', () => {
  it('codes by palette, by quick key and from the tree; shows marks and margin; undo/redo; remove', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    const before = (await codingsIn(h)).length;

    // Palette: select text, Ctrl+K, search, Enter.
    await selectText(h, 'zo lang mogelijk thuis kunnen blijven');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill('tijd en cap');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await codingsIn(h)).length).toBe(before + 1);
    const coded = (await codingsIn(h)).at(-1)!;
    expect(coded.name).toBe('Tijd en capaciteit');
    const text = await h.value<string>('SELECT text FROM sources WHERE id = (SELECT source_id FROM codings ORDER BY id DESC LIMIT 1)');
    expect(text.slice(coded.start, coded.end)).toBe('zo lang mogelijk thuis kunnen blijven');
    await page.getByRole('button', { name: 'Tijd en capaciteit', exact: true }).first().waitFor(); // margin bar
    await page.getByRole('status').filter({ hasText: 'Gecodeerd.' }).waitFor();

    // Quick key 1 = the code just used; the selection snaps to whole words.
    await selectText(h, 'lk wissewasje naar de huisar');
    await page.keyboard.press('1');
    await expect.poll(async () => (await codingsIn(h)).length).toBe(before + 2);
    const snapped = (await codingsIn(h)).at(-1)!;
    expect(snapped.name).toBe('Tijd en capaciteit');
    expect(text.slice(snapped.start, snapped.end)).toBe('elk wissewasje naar de huisarts');

    // Undo and redo with the keyboard.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await codingsIn(h)).length).toBe(before + 1);
    await page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt' }).waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await codingsIn(h)).length).toBe(before + 2);

    // From the codebook tree: Enter on a code applies it to the selection.
    await selectText(h, 'samen bepalen wat we in de wijk doen');
    const tree = page.getByRole('treegrid', { name: 'Codeboek' });
    await tree.getByRole('row', { name: 'Wat is nodig' }).dblclick();
    await expect.poll(async () => (await codingsIn(h)).at(-1)?.name).toBe('Wat is nodig');
    await page.screenshot({ path: screenshotPath('coding-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Click a margin bar → the inspector lists it → remove.
    await page.getByRole('button', { name: 'Wat is nodig', exact: true }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: 'Coderingen hier' }).waitFor();
    await inspector.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await expect.poll(async () => (await codingsIn(h)).some((c) => c.name === 'Wat is nodig')).toBe(false);
    expect(h.pageErrors).toEqual([]);
  });
});
