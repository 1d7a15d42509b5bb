// Issue 11 §1–§2: a code name that must be cut off (margin bar, codebook tree,
// quick-code chip) shows in full in a tooltip on hover and on keyboard focus;
// key quotes and memos are marks in the text and in the margin, told apart by
// shape (not colour alone) and named for screen readers.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { selectText } from './select-text.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const LONG = 'Samenwerking tussen huisarts, wijkverpleging en gemeente rond kwetsbare ouderen die thuis wonen';

/** Through the app's own bridge (the UI refreshes from the change events, as after any action). */
async function invoke<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const r = await page.evaluate(([c, p]) => window.duiding!.invoke(c as never, p as never), [channel, payload] as const) as { ok: boolean; data?: unknown; error?: unknown };
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** A long code on one passage, a key quote on a second and a memo on a third, in the duo interview. */
async function prepare(page: Page): Promise<void> {
  const sources = await invoke<{ id: number; name: string }[]>(page, 'sources.list', {});
  const source = sources.find((s) => s.name.startsWith('Duo-interview'))!;
  const { text } = await invoke<{ text: string }>(page, 'sources.get', { id: source.id });
  const range = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const codeId = await invoke<number>(page, 'codebook.create', { parentId: null, name: LONG, color: '#2a7f62' });
  await invoke(page, 'codings.apply', { sourceId: source.id, codeId, ranges: [range('zo lang mogelijk thuis kunnen blijven')] });
  const [key] = await invoke<number[]>(page, 'codings.apply', { sourceId: source.id, codeId, ranges: [range('niet voor elk wissewasje naar de huisarts')] });
  await invoke(page, 'codings.setKeyQuote', { ids: [key], isKeyQuote: true });
  const [memo] = await invoke<number[]>(page, 'codings.apply', { sourceId: source.id, codeId, ranges: [range('Eigenlijk doe ik dat al twintig jaar')] });
  await invoke(page, 'memos.create', { target: { kind: 'coding', id: memo }, title: 'Continuïteit', body: '' });
}

const tooltip = (page: Page) => page.getByRole('tooltip');

describe('coding workspace: full names and marks (issue 11 §1–§2)', () => {
  for (const [language, width, height] of [['nl', 1280, 800], ['en', 1920, 1080], ['en', 1280, 800], ['nl', 1920, 1080]] as const) {
    it(`${width}×${height} (${language}): cut names in a tooltip by pointer and keyboard; key quote and memo marks in text and margin`, async () => {
      harness = await launchHarness({ projectPath: exampleProject(), language, viewport: { width, height } });
      const h = harness;
      const { page } = h;
      const nl = language === 'nl';
      await page.getByRole('listbox', { name: nl ? /Transcripten/ : /Transcripts/ }).getByRole('option', { name: /Duo-interview/ }).click();
      await page.getByRole('article').waitFor();
      await prepare(page);

      // §2 — margin: the bars of the key quote and the memo are named as such, and carry their shapes.
      const keyBar = page.getByRole('button', { name: `${LONG}, ${nl ? 'citaat' : 'key quote'}`, exact: true });
      const memoBar = page.getByRole('button', { name: `${LONG}, ${nl ? 'met memo' : 'with memo'}`, exact: true });
      await keyBar.waitFor();
      await memoBar.waitFor();
      await expect.poll(() => keyBar.locator('.mark-glyph--key').textContent()).toBe('★');
      expect(await memoBar.locator('.mark-glyph--memo').isVisible()).toBe(true);
      expect(await keyBar.locator('.mark-glyph--memo').count()).toBe(0);
      // §2 — text: a star where the key quote starts, a note where the memo's coding ends; the words are untouched.
      const keyMark = page.locator('mark.coding--key-start', { hasText: /^niet voor elk/ });
      await expect.poll(() => keyMark.count()).toBe(1);
      expect(await keyMark.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('★');
      expect(await keyMark.getAttribute('title')).toContain(nl ? 'citaat' : 'key quote');
      const memoMark = page.locator('mark.coding--memo-end', { hasText: /twintig jaar$/ });
      expect(await memoMark.count()).toBe(1);
      // A mark only where a key quote starts or a memo's coding ends: the plain coding has neither.
      const plainMark = page.locator('mark.coding', { hasText: /^zo lang mogelijk/ });
      expect(await plainMark.getAttribute('class')).not.toMatch(/key-start|memo-end/);
      const note = await memoMark.evaluate((el) => { const s = getComputedStyle(el, '::after'); return { w: s.width, border: s.borderTopStyle }; });
      expect(note).toEqual({ w: '7px', border: 'solid' });

      // §1 — margin bar: the label is cut; keyboard focus on the bar shows the whole name, Escape hides it.
      const plainBar = page.getByRole('button', { name: LONG, exact: true });
      expect(await plainBar.locator('.margin-bar__name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      const turn = page.getByRole('group', { name: 'Marieke Hoekstra' }).first();
      await turn.click({ position: { x: 4, y: 4 } });
      // Tab through the turn's bars: each cut label shows its whole name (with its marks) while focused.
      const tips = new Set<string>();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        if (!(await turn.evaluate((el) => el.contains(document.activeElement)))) break;
        const bar = page.locator('.margin-bar:focus');
        if ((await bar.count()) === 0) continue; // the turn's own buttons come first
        const name = (await bar.getAttribute('aria-label'))!;
        if (name.startsWith(LONG)) {
          await expect.poll(() => tooltip(page).textContent()).toBe(name);
          tips.add(name);
          if (name === LONG) {
            await page.screenshot({ path: screenshotPath(`issue11-marks-${width}-${language}`) });
            expect(await seriousViolations(page)).toEqual([]);
            // Escape hides the tip; the focus stays.
            await page.keyboard.press('Escape');
            await expect.poll(() => tooltip(page).count()).toBe(0);
            expect(await bar.count()).toBe(1);
          }
        }
      }
      expect([...tips].sort()).toEqual([LONG, `${LONG}, ${nl ? 'citaat' : 'key quote'}`, `${LONG}, ${nl ? 'met memo' : 'with memo'}`]);

      // §1 — codebook tree: the cut name shows in full when its row gets the keyboard focus.
      const tree = page.getByRole('treegrid', { name: nl ? 'Codeboek' : 'Codebook' });
      const row = tree.getByRole('row', { name: new RegExp(`^${LONG}`) });
      expect(await row.locator('.tree-name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await tree.getByRole('row').first().focus();
      await page.keyboard.press('End');
      await expect.poll(() => row.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect.poll(() => tooltip(page).textContent()).toBe(LONG);
      await page.screenshot({ path: screenshotPath(`issue11-tree-tip-${width}-${language}`) });
      expect(await seriousViolations(page)).toEqual([]);
      // The tip follows the focus: moving to another row takes this one away.
      await page.keyboard.press('Home');
      await expect.poll(() => tooltip(page).filter({ hasText: LONG }).count()).toBe(0);

      // §1 — quick-code chip: code a passage through the palette (the code becomes recent); hover shows the whole name.
      await selectText(h, 'dan wel goed');
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog');
      await palette.waitFor();
      await page.keyboard.type('Samenwerking tussen huisarts');
      await palette.getByRole('option', { name: new RegExp(LONG.slice(0, 40)) }).waitFor();
      await page.keyboard.press('Enter');
      await palette.waitFor({ state: 'detached' });
      const chip = page.getByRole('toolbar', { name: nl ? 'Snelcodes' : 'Quick codes' }).getByRole('button', { name: new RegExp(LONG.slice(0, 40)) });
      expect(await chip.locator('.chip__name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await chip.hover();
      await expect.poll(() => tooltip(page).textContent()).toBe(LONG);
      // One tip at a time: the chip's replaced the focused row's.
      expect(await tooltip(page).count()).toBe(1);
      await page.mouse.move(width / 2, height - 5);
      await expect.poll(() => tooltip(page).filter({ hasText: LONG }).count()).toBe(0);
      expect(h.pageErrors).toEqual([]);
    });
  }
});
