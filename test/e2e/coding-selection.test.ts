// Issue 9 §1: after coding, the new coding is selected and its drag handles
// show. A selection that starts or ends on such a handle (mouse released on it,
// or a keyboard-extended selection that lands in it) must code exactly the
// words the user sees selected — never up to the end of the turn.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const SOURCE = 'Duo-interview wijkverpleging en zorggroep (Heerenveen)';
const PASSAGE = 'zo lang mogelijk thuis kunnen blijven';

interface Stored { id: number; start: number; end: number; code: string }
const codings = (h: Harness) =>
  h.all<Stored>(
    'SELECT c.id, c.start, c."end", k.name AS code FROM codings c JOIN codes k ON k.id = c.code_id ORDER BY c.id',
  );
const sourceText = (h: Harness) =>
  h.value<string>('SELECT text FROM sources WHERE name = ?', SOURCE);

/** Screen point at the left (`before`) or right (`after`) edge of the character at a source offset. */
async function pointAt(h: Harness, offset: number, side: 'before' | 'after'): Promise<{ x: number; y: number }> {
  return h.page.evaluate(([at, edge]) => {
    for (const turn of document.querySelectorAll<HTMLElement>('[data-turn-start]')) {
      let rest = at - Number(turn.dataset.turnStart);
      if (rest < 0 || rest >= Number(turn.dataset.turnLength)) continue;
      const walker = document.createTreeWalker(turn, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (rest < n.data.length) {
          const range = document.createRange();
          range.setStart(n, rest);
          range.setEnd(n, rest + 1);
          const box = range.getClientRects()[0]!;
          return { x: edge === 'before' ? box.left + 1 : box.right - 1, y: box.top + box.height / 2 };
        }
        rest -= n.data.length;
      }
    }
    throw new Error(`offset ${at} is not rendered`);
  }, [offset, side] as const);
}

async function drag(h: Harness, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await h.page.mouse.move(from.x, from.y);
  await h.page.mouse.down();
  await h.page.mouse.move(to.x, to.y, { steps: 8 });
  await h.page.mouse.up();
}

/**
 * A click on plain text outside the codings collapses the highlight (a press
 * inside a highlighted selection would drag the text instead, as in any
 * browser); the selected coding and its handles stay.
 */
async function clickAway(h: Harness, text: string): Promise<void> {
  const at = await pointAt(h, text.indexOf('Voor mij gaat'), 'before');
  await h.page.mouse.click(at.x, at.y);
  await expect.poll(() => highlighted(h)).toBe('');
  await h.page.locator('.coding-handle--end').waitFor();
}

async function centre(h: Harness, selector: string): Promise<{ x: number; y: number }> {
  const box = (await h.page.locator(selector).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function codeWith(h: Harness, search: string, name: string, count: number): Promise<Stored> {
  await h.page.keyboard.press('Control+k');
  await h.page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill(search);
  await h.page.keyboard.press('Enter');
  await expect.poll(async () => (await codings(h)).length).toBe(count);
  const made = (await codings(h)).at(-1)!;
  expect(made.code).toBe(name);
  return made;
}

/** Waits until the reader holds this selection (what a coding gesture will code), as `start-end`. */
const selectionIs = (h: Harness, range: string) => h.page.locator(`.reader__body[data-selection="${range}"]`).waitFor();

/** What the user sees: the browser's highlight, and the words of the new coding's marks. */
const highlighted = (h: Harness) => h.page.evaluate(() => window.getSelection()?.toString() ?? '');
/** The words the marks of a coding show, once the reader has drawn them (a locator waits for the first one). */
async function markedText(h: Harness, id: number): Promise<string> {
  const marks = h.page.locator(`mark[data-codings~="${id}"]`);
  await marks.first().waitFor();
  return marks.evaluateAll((els) => els.map((el) => el.textContent).join(''));
}

/** Opens the example transcript and codes PASSAGE by a real mouse drag; returns that coding (selected, handles shown). */
async function codeFirstPassage(h: Harness, text: string): Promise<Stored> {
  const { page } = h;
  await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option', { name: new RegExp(SOURCE.slice(0, 20)) }).click();
  await page.getByRole('article').getByRole('heading', { name: SOURCE }).waitFor();
  const at = text.indexOf(PASSAGE);
  await drag(h, await pointAt(h, at, 'before'), await pointAt(h, at + PASSAGE.length - 1, 'after'));
  await selectionIs(h, `${at}-${at + PASSAGE.length}`);
  const first = await codeWith(h, 'tijd en cap', 'Tijd en capaciteit', (await codings(h)).length + 1);
  expect({ start: first.start, end: first.end }).toEqual({ start: at, end: at + PASSAGE.length });
  // The new coding is the selected one: both its handles are shown.
  await page.locator('.coding-handle--end').waitFor();
  await page.locator('.coding-handle--start').waitFor();
  return first;
}

describe('selections on a coding\'s drag handles', () => {
  it('codes exactly the words dragged to the end handle, and from right to left onto the start handle', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const text = await sourceText(h);
    const first = await codeFirstPassage(h, text);

    // Forward: press on "thuis", release on the end handle of the coding just made.
    await clickAway(h, text);
    const tail = 'thuis kunnen blijven';
    const tailAt = text.indexOf(tail, first.start);
    expect(tailAt + tail.length).toBe(first.end);
    await drag(h, await pointAt(h, tailAt, 'before'), await centre(h, '.coding-handle--end'));
    await selectionIs(h, `${tailAt}-${first.end}`);
    expect(await highlighted(h)).toBe(tail);
    const second = await codeWith(h, 'wat is nodig', 'Wat is nodig', (await codings(h)).length + 1);
    expect({ start: second.start, end: second.end }).toEqual({ start: tailAt, end: first.end });
    expect(text.slice(second.start, second.end)).toBe(tail);
    expect(await markedText(h, second.id)).toBe(tail);
    expect(await highlighted(h)).toBe(tail);
    await h.page.screenshot({ path: screenshotPath('coding-selection-end-handle-nl') });

    // Backward: press after "lang", release on the start handle of the (now selected) second coding's neighbour:
    // select the first coding again so its handles show, then drag from "lang" leftwards onto its start handle.
    await h.page.locator('[data-turn-index="1"]').getByRole('button', { name: 'Tijd en capaciteit', exact: true }).click();
    await h.page.locator(`.coding-handle--start`).waitFor();
    const head = 'zo lang';
    await clickAway(h, text);
    await drag(h, await pointAt(h, first.start + head.length - 1, 'after'), await centre(h, '.coding-handle--start'));
    await selectionIs(h, `${first.start}-${first.start + head.length}`);
    expect(await highlighted(h)).toBe(head);
    const third = await codeWith(h, 'wat is nodig', 'Wat is nodig', (await codings(h)).length + 1);
    expect({ start: third.start, end: third.end }).toEqual({ start: first.start, end: first.start + head.length });
    expect(await markedText(h, third.id)).toBe(head);
    expect(h.pageErrors).toEqual([]);
  });

  it('codes exactly the words of a selection extended by keyboard over the end handle', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const text = await sourceText(h);
    const first = await codeFirstPassage(h, text);

    // Select "thuis kunnen" with the mouse, then Shift+→ character by character to the end of "blijven",
    // and once more: Chromium then moves the selection's end into the end handle that sits there, while the
    // highlight still shows the same words.
    const start = text.indexOf('thuis kunnen', first.start);
    await clickAway(h, text);
    await drag(h, await pointAt(h, start, 'before'), await pointAt(h, start + 'thuis kunnen'.length - 1, 'after'));
    await selectionIs(h, `${start}-${start + 12}`);
    for (let i = 0; i < ' blijven'.length + 1; i++) await h.page.keyboard.press('Shift+ArrowRight');
    expect(await h.page.evaluate(() => (window.getSelection()?.focusNode as Element | null)?.className)).toBe('coding-handle coding-handle--end');
    await expect.poll(() => highlighted(h)).toBe('thuis kunnen blijven');
    await selectionIs(h, `${start}-${first.end}`);
    const second = await codeWith(h, 'wat is nodig', 'Wat is nodig', (await codings(h)).length + 1);
    expect({ start: second.start, end: second.end }).toEqual({ start, end: first.end });
    expect(await markedText(h, second.id)).toBe('thuis kunnen blijven');

    // And back: from the end of "mogelijk", Shift+← to the start of "zo" and two presses more, onto the start
    // handle and then the mark's own edge before it — the same words stay highlighted.
    await h.page.locator('[data-turn-index="1"]').getByRole('button', { name: 'Tijd en capaciteit', exact: true }).click();
    await h.page.locator('.coding-handle--start').waitFor();
    const from = text.indexOf('mogelijk', first.start);
    await clickAway(h, text);
    await drag(h, await pointAt(h, from + 'mogelijk'.length - 1, 'after'), await pointAt(h, from, 'before'));
    await selectionIs(h, `${from}-${from + 8}`);
    for (let i = 0; i < 'zo lang '.length + 2; i++) await h.page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => highlighted(h)).toBe('zo lang mogelijk');
    await selectionIs(h, `${first.start}-${from + 8}`);
    const third = await codeWith(h, 'wat is nodig', 'Wat is nodig', (await codings(h)).length + 1);
    expect({ start: third.start, end: third.end }).toEqual({ start: first.start, end: from + 8 });
    expect(h.pageErrors).toEqual([]);
  });
});
