// Issue 11 §4: search hits with a sentence of context either side (wrapping,
// never cut mid-word), and an autocode preview that lists exactly the passages
// it will code before the user confirms — by keyboard, axe clean, in nl and en.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { SEARCH_CONTEXT } from '../../src-shared/contracts/constants.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const codingsOf = (h: Harness, code: string) =>
  h.all<{ sourceId: number; start: number; end: number }>(
    'SELECT c.source_id AS sourceId, c.start, c."end" FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.name = ? ORDER BY c.id',
    code,
  );

const TEXT = {
  nl: { results: 'Treffers', preview: 'Voorbeeld…', sentence: 'De hele zin', title: (c: string) => `Automatisch coderen met “${c}”`, list: 'Deze fragmenten worden gecodeerd', make: (n: number) => `${n} coderingen maken` },
  en: { results: 'Hits', preview: 'Preview…', sentence: 'The whole sentence', title: (c: string) => `Autocode with “${c}”`, list: 'These passages will be coded', make: (n: number) => `Make ${n} codings` },
};

describe('search: context and autocode preview (issue 11 §4)', () => {
  for (const [language, width, height] of [['nl', 1280, 800], ['en', 1920, 1080], ['en', 1280, 800], ['nl', 1920, 1080]] as const) {
    it(`${width}×${height} (${language}): whole sentences around each hit; the preview lists the passages; confirmed by keyboard`, async () => {
      harness = await launchHarness({ projectPath: exampleProject(), language, viewport: { width, height } });
      const h = harness;
      const { page } = h;
      const s = TEXT[language];
      await page.getByRole('tab', { name: language === 'nl' ? 'Zoeken' : 'Search', exact: true }).waitFor();
      await page.keyboard.press('Control+Shift+F');
      const field = page.getByRole('searchbox');
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await field.fill('huisarts');

      const expected = await h.inEngine(({ db, lib }, query) => lib.searchText(db, query), { query: 'huisarts', interviewer: false, ...SEARCH_CONTEXT });
      const list = page.getByRole('listbox', { name: s.results });
      const rows = list.getByRole('option');
      await expect.poll(() => rows.count()).toBe(expected.hits.length);
      const texts = new Map<number, string>();
      const textOf = async (id: number) => {
        if (!texts.has(id)) texts.set(id, await h.value<string>('SELECT text FROM sources WHERE id = ?', id));
        return texts.get(id)!;
      };
      // The service's context: whole sentences, ending at a sentence end or the turn; at least one hit has a sentence before and after.
      let full = 0;
      for (const hit of expected.hits) {
        const text = await textOf(hit.sourceId);
        const from = hit.start - hit.before.length;
        const to = hit.end + hit.after.length;
        expect(from === 0 || /\s/.test(text[from - 1]!)).toBe(true);
        expect(to === text.length || /\s/.test(text[to]!)).toBe(true);
        if (/[.!?]\s/.test(hit.before) && /[.!?]\s/.test(hit.after)) full++;
      }
      expect(full).toBeGreaterThan(0);
      // The view shows all of it: each row's words wrap, none is clipped, and rows do not overlap.
      const shownText = (x: (typeof expected.hits)[number]) => `${x.cut?.before ? '… ' : ''}${x.before}${x.match}${x.after}${x.cut?.after ? ' …' : ''}`;
      await expect.poll(() => rows.first().locator('.kwic__line').innerText()).toBe(shownText(expected.hits[0]!));
      // A sentence cut short (very long) says so with "…".
      const cutHit = expected.hits.findIndex((x) => x.cut?.after);
      if (cutHit >= 0) expect(await rows.nth(cutHit).locator('.kwic__line').innerText()).toBe(shownText(expected.hits[cutHit]!));
      const layout = await list.evaluate((el) => [...el.querySelectorAll<HTMLElement>('[role="option"]')]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((row) => {
          const line = row.querySelector<HTMLElement>('.kwic__line')!;
          const box = row.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, clipped: line.scrollHeight > line.clientHeight + 1 || line.scrollWidth > line.clientWidth + 1, lines: Math.round(line.getBoundingClientRect().height / 19) };
        }));
      for (let i = 1; i < layout.length; i++) expect(layout[i]!.top).toBeGreaterThanOrEqual(layout[i - 1]!.bottom - 1);
      expect(layout.filter((r) => r.clipped)).toEqual([]);
      expect(Math.max(...layout.map((r) => r.lines))).toBeGreaterThan(1);
      await page.screenshot({ path: screenshotPath(`issue11-search-${width}-${language}`) });
      expect(await seriousViolations(page)).toEqual([]);

      // Autocode by sentence: the preview lists the sentences, exactly those the service will code.
      const codeName = 'Overbelaste mantelzorg';
      const before = await codingsOf(h, codeName);
      await page.getByRole('combobox', { name: 'Code' }).fill('overbelast');
      await page.getByRole('option', { name: codeName }).click();
      await page.getByText(s.sentence, { exact: true }).click();
      await expect.poll(() => page.getByRole('radio', { name: s.sentence }).isChecked()).toBe(true);
      await page.getByRole('button', { name: s.preview }).click();
      const dialog = page.getByRole('dialog', { name: s.title(codeName) });
      const codeId = await h.value<number>('SELECT id FROM codes WHERE name = ?', codeName);
      const plan = await h.inEngine(({ db, lib }, codeId) => lib.autocodePreview(db, { query: 'huisarts', interviewer: false, codeId, extent: 'sentence' }), codeId);
      expect(plan.newCodings).toBeGreaterThan(1);
      const passages = dialog.getByRole('list', { name: s.list }).getByRole('listitem');
      await expect.poll(() => passages.count()).toBe(plan.passages.length);
      const shown = await passages.evaluateAll((items) => items.map((li) => li.querySelector('q')!.textContent));
      expect(shown).toEqual(plan.passages.map((p) => `${p.text}${p.cut ? ' …' : ''}`));
      for (const p of plan.passages) expect(p.text).toBe((await textOf(p.sourceId)).slice(p.start, p.end));
      await page.screenshot({ path: screenshotPath(`issue11-autocode-preview-${width}-${language}`) });
      expect(await seriousViolations(page)).toEqual([]);

      // Keyboard: the confirm button has the focus; Shift+Tab twice reaches the list (it scrolls by keys), Tab twice back, Enter codes.
      const confirm = dialog.getByRole('button', { name: s.make(plan.newCodings) });
      await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await dialog.getByRole('list', { name: s.list }).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(async () => (await codingsOf(h, codeName)).length).toBe(before.length + plan.newCodings);
      expect((await codingsOf(h, codeName)).slice(before.length)).toEqual(plan.passages.map(({ sourceId, start, end }) => ({ sourceId, start, end })));
      expect(h.pageErrors).toEqual([]);
    });
  }
});
