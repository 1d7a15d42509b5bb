import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';
import { createLongTranscriptProject } from '../../bench/long-transcript.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

interface CodingRow { id: number; start: number; end: number; code: string; parent: string | null; coder: string | null }
const codings = (h: Harness) =>
  h.all<CodingRow>(
    `SELECT c.id, c.start, c."end", k.name AS code, p.name AS parent, u.name AS coder
     FROM codings c JOIN codes k ON k.id = c.code_id LEFT JOIN codes p ON p.id = k.parent_id LEFT JOIN users u ON u.id = c.coder_id ORDER BY c.id`,
  );
const last = async (h: Harness) => (await codings(h)).at(-1)!;
const sourceText = (h: Harness, name: string) =>
  h.value<string>('SELECT text FROM sources WHERE name = ?', name);
const turnsOf = (h: Harness, name: string) =>
  h.all<{ start: number; end: number; participantId: number | null }>(
    `SELECT t.start, t."end", t.participant_id AS participantId FROM turns t JOIN sources s ON s.id = t.source_id WHERE s.name = ? ORDER BY t.start`,
    name,
  );

/** Word spans of a stretch of text, as the reader's word steps see words. */
function words(text: string, from: number, to: number): { start: number; end: number }[] {
  return [...text.slice(from, to).matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
}


describe('the transcript reader', () => {
  it('opens a 300,000-character transcript with 2,000 codings virtualised and jumps to a far passage', async () => {
    const long = createLongTranscriptProject(join(mkdtempSync(join(tmpdir(), 'duiding-reader-')), 'Lang.duiding'));
    expect(long.characters).toBeGreaterThan(290_000);
    harness = await launchHarness({ projectPath: long.path });
    const h = harness;
    const { page } = h;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option', { name: /Lang interview/ }).click();
    await page.getByRole('article').getByRole('heading', { name: 'Lang interview' }).waitFor();
    await page.locator('[data-turn-index="0"]').waitFor();
    // Virtualised: only a window of the turns is in the DOM.
    expect(long.turns).toBeGreaterThan(1000);
    const rendered = await page.locator('[data-turn-index]').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    await page.locator('.margin-bar').first().waitFor();

    // Scrolling far down renders other turns (and still only a window).
    await page.locator('.reader__scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    // Waits (playwright's timeout) until the turns on screen are far down the transcript.
    await page.waitForFunction(() => Math.max(...[...document.querySelectorAll<HTMLElement>('[data-turn-index]')].map((el) => Number(el.dataset.turnIndex))) > 300);
    expect(await page.locator('[data-turn-index]').count()).toBeLessThan(60);

    // A search hit far down reveals the passage: its turn is rendered and the word is selected.
    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('searchbox', { name: 'Zoekvraag' }).fill('triage');
    await page.getByRole('listbox', { name: 'Treffers' }).getByRole('option').first().click();
    await page.getByRole('article').getByRole('heading', { name: 'Lang interview' }).waitFor();
    await page.waitForFunction(() => window.getSelection()?.toString() === 'triage');
    await page.locator(`.reader__body[data-selection="${long.rareAt}-${long.rareAt + 6}"]`).waitFor();
    const visible = await page.evaluate(() => {
      const range = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      const box = document.querySelector('.reader__scroll')!.getBoundingClientRect();
      return range.top >= box.top && range.bottom <= box.bottom;
    });
    expect(visible).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });

  it('codes by keyboard only, adjusts boundaries, shows overlaps, in-vivo, whole turns, coder switch and the change log', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const h = harness;
    const { page } = h;
    const name = 'Duo-interview wijkverpleging en zorggroep (Heerenveen)';
    const text = await sourceText(h, name);
    const turns = await turnsOf(h, name);

    // Keyboard only: open the transcript from the list, reach the turns, pick turn 2, select it, trim it by words.
    const option = page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option', { name: new RegExp(name.slice(0, 20)) });
    await option.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('article').getByRole('heading', { name }).waitFor();
    const firstTurn = page.locator('[data-turn-index="0"]');
    expect(await firstTurn.getAttribute('tabindex')).toBe('0');
    await firstTurn.focus();
    await page.keyboard.press('ArrowDown');
    await h.page.locator('[data-turn-index="1"]:focus').waitFor();
    await page.keyboard.press('Enter');
    const turn = turns[1]!;
    await h.page.locator(`.reader__body[data-selection="${turn.start}-${turn.end}"]`).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    const w = words(text, turn.start, turn.end);
    const want = { start: w[2]!.start, end: w[w.length - 2]!.end };
    await h.page.locator(`.reader__body[data-selection="${want.start}-${want.end}"]`).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill('tijd en cap');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await last(h)).code).toBe('Tijd en capaciteit');
    expect(await last(h)).toMatchObject({ start: want.start, end: want.end, coder: await h.inEngine(({ session }) => session.coder) });
    const first = await last(h);

    // Boundaries by keyboard: the new coding is the selected one; end grows a word, start grows a word back.
    await page.locator('.margin-bar--selected').first().waitFor();
    await h.page.locator('[data-turn-index="1"]:focus').waitFor();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(async () => (await codings(h)).find((c) => c.id === first.id)?.end).toBe(w[w.length - 1]!.end);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(async () => (await codings(h)).find((c) => c.id === first.id)?.start).toBe(w[1]!.start);

    // A second code over the same words: one mark carries both codings; the margin has two labelled bars.
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill('wat is nodig');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await last(h)).code).toBe('Wat is nodig');
    const second = await last(h);
    const row = page.locator('[data-turn-index="1"]');
    await row.locator(`mark[data-codings~="${first.id}"][data-codings~="${second.id}"]`).first().waitFor();
    const overlapTitle = await row.locator(`mark[data-codings~="${first.id}"][data-codings~="${second.id}"]`).first().getAttribute('title');
    expect(overlapTitle).toContain('Tijd en capaciteit');
    expect(overlapTitle).toContain('Wat is nodig');
    await row.getByRole('button', { name: 'Tijd en capaciteit', exact: true }).waitFor();
    await row.getByRole('button', { name: 'Wat is nodig', exact: true }).waitFor();
    const bars = await row.locator('.margin-bar').evaluateAll((els) => els.map((el) => ({ label: el.textContent, left: (el as HTMLElement).offsetLeft })));
    expect(new Set(bars.map((b) => b.left)).size).toBeGreaterThan(1); // separate lanes
    await page.screenshot({ path: screenshotPath('reader-overlap-nl') });
    expect(await seriousViolations(page)).toEqual([]);

    // Dragging the end handle of the selected coding to the end of the turn (snapped to a whole word).
    await row.getByRole('button', { name: 'Wat is nodig', exact: true }).click();
    const handle = row.locator('.coding-handle--end');
    await handle.waitFor();
    const from = (await handle.boundingBox())!;
    const textBox = (await row.locator('.turn__text').boundingBox())!;
    await page.mouse.move(from.x + 1, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(textBox.x + 40, textBox.y + textBox.height - 6, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await codings(h)).find((c) => c.id === second.id)?.end).not.toBe(second.end);
    const dragged = (await codings(h)).find((c) => c.id === second.id)!;
    expect(dragged.end).toBeGreaterThan(dragged.start);
    expect(/[\p{L}\p{N}]/u.test(text[dragged.end - 1]!) && !/[\p{L}\p{N}]/u.test(text[dragged.end] ?? ' ')).toBe(true);

    // In-vivo: the next turn's first three words become a code under "In-vivo", applied to them.
    await page.keyboard.press('Escape');
    await row.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await h.page.locator('[data-turn-index="2"]:focus').waitFor();
    const t3 = turns[2]!;
    const w3 = words(text, t3.start, t3.end);
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await h.page.locator(`.reader__body[data-selection="${w3[0]!.start}-${w3[2]!.end}"]`).waitFor();
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(async () => (await last(h)).parent).toBe('In-vivo');
    expect(await last(h)).toMatchObject({ code: text.slice(w3[0]!.start, w3[2]!.end), start: w3[0]!.start, end: w3[2]!.end });

    // The whole turn, from the turn's menu (keyboard: Tab to the menu button of the focused turn).
    const t4 = turns[4]!;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await h.page.locator('[data-turn-index="4"]:focus').waitFor();
    // Tab walks the focused turn's controls (other header buttons may come first).
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      if (label.startsWith('Acties voor deze beurt')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Hele beurt coderen…' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const palette = page.getByRole('dialog', { name: 'Code kiezen voor de selectie' });
    await palette.getByText(/Doel: de hele beurt van/).waitFor();
    await palette.getByLabel('Zoek een code').fill('vertrouwen');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await last(h)).code).toBe('Vertrouwen en gedeelde visie');
    expect(await last(h)).toMatchObject({ start: t4.start, end: t4.end });

    // All turns of this speaker.
    const speakerTurns = turns.filter((x) => x.participantId !== null && x.participantId === t4.participantId);
    expect(speakerTurns.length).toBeGreaterThan(1);
    const before = (await codings(h)).length;
    await page.locator('[data-turn-index="4"]').getByRole('button', { name: /Acties voor deze beurt/ }).click();
    await page.getByRole('menuitem', { name: /Alle beurten van/ }).click();
    await palette.getByText(`Doel: alle ${speakerTurns.length} beurten van`, { exact: false }).waitFor();
    await palette.getByLabel('Zoek een code').fill('regie en gov');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await codings(h)).length).toBe(before + speakerTurns.length);
    expect((await codings(h)).slice(-speakerTurns.length).map((c) => [c.start, c.end])).toEqual(speakerTurns.map((x) => [x.start, x.end]));

    // Switch the coder (a new one), then code: the coding records that coder.
    await page.getByRole('button', { name: /Codeur:/ }).click();
    await page.getByRole('option', { name: 'Nieuwe codeur…' }).click();
    await page.getByRole('dialog', { name: 'Nieuwe codeur' }).getByLabel('Naam').fill('Anna de Vries');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Codeur: Anna de Vries' }).waitFor();
    expect(await h.inEngine(({ session }) => session.coder)).toBe('Anna de Vries');
    await page.locator('[data-turn-index="0"]').focus();
    await page.keyboard.press('Enter');
    await h.page.locator(`.reader__body[data-selection="${turns[0]!.start}-${turns[0]!.end}"]`).waitFor();
    await page.keyboard.press('1');
    await expect.poll(async () => (await last(h)).coder).toBe('Anna de Vries');
    expect(await last(h)).toMatchObject({ code: 'Regie en governance', start: turns[0]!.start, end: turns[0]!.end });

    // The change log: who, when, what; undo greys the newest entry.
    await page.keyboard.press('Control+7');
    const log = page.getByRole('table', { name: 'Wijzigingslog' });
    const newest = log.getByRole('row').nth(1);
    await expect.poll(() => newest.innerText()).toContain('Anna de Vries');
    expect(await newest.innerText()).toContain('Fragment gecodeerd met "Regie en governance"');
    expect(await log.getByRole('row').filter({ hasText: 'In-vivo code' }).count()).toBe(1);
    const count = (await codings(h)).length;
    await page.getByRole('button', { name: /Ongedaan maken/ }).click();
    await expect.poll(async () => (await codings(h)).length).toBe(count - 1);
    await expect.poll(() => newest.getAttribute('class')).toContain('history__row--undone');
    await page.screenshot({ path: screenshotPath('reader-changelog-nl') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Opnieuw/ }).click();
    await expect.poll(async () => (await codings(h)).length).toBe(count);

    // English.
    await page.getByRole('button', { name: /Nederlands/ }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('table', { name: 'Change log' }).waitFor();
    await page.screenshot({ path: screenshotPath('reader-changelog-en') });
    await page.keyboard.press('Control+3');
    await page.locator('[data-turn-index="1"]').getByRole('button', { name: 'Wat is nodig', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Coder: Anna de Vries' }).waitFor();
    await page.screenshot({ path: screenshotPath('reader-overlap-en') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('undoes and redoes across a restart of the harness', async () => {
    const path = exampleProject();
    harness = await launchHarness({ projectPath: path });
    let h = harness;
    const before = (await codings(h)).length;
    await h.page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await h.page.locator('[data-turn-index="1"]').focus();
    await h.page.keyboard.press('Enter');
    await h.page.locator('.reader__body[data-selection]:not([data-selection=""])').waitFor();
    await h.page.keyboard.press('Control+k');
    await h.page.getByRole('dialog', { name: 'Code kiezen voor de selectie' }).getByLabel('Zoek een code').fill('data en regio');
    await h.page.keyboard.press('Enter');
    await expect.poll(async () => (await codings(h)).length).toBe(before + 1);
    const made = await last(h);
    await h.close();

    harness = await launchHarness({ projectPath: path });
    h = harness;
    await h.page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await h.page.locator('[data-turn-index="0"]').focus();
    expect((await codings(h)).length).toBe(before + 1);
    await h.page.keyboard.press('Control+z');
    await expect.poll(async () => (await codings(h)).length).toBe(before);
    await h.page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt' }).waitFor();
    await h.page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await codings(h)).length).toBe(before + 1);
    expect(await last(h)).toMatchObject({ start: made.start, end: made.end, code: 'Data en regiobeeld' });
    expect(h.pageErrors).toEqual([]);
  });
});
