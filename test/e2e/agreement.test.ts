// Intercoder agreement end to end in Chromium: two coders in the example
// project (the second coder's codings added through dispatch), the agreement
// table and heatmap match the service, three disagreements are resolved by
// keyboard in the review queue, the figures update, and undo takes the last
// decision back. Screenshots in Dutch and English; axe.
import { describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { closeHarnessAfterEach, exampleProject, screenshotPath } from './helpers.ts';
import type { AgreementReport } from '../../src-shared/contracts/agreement.ts';
import type { Result } from '../../src-shared/errors.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const SECOND = 'Tweede codeur';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Coding { id: number; sourceId: number; codeId: number; start: number; end: number; path: string; source: string }

/**
 * The second coder: agrees with the example coder on most codings, and in the
 * first transcript's first coded code makes three disagreements (a shifted
 * start, and two passages the first coder did not code).
 */
async function addSecondCoder(h: Harness): Promise<{ code: string; source: string; codeId: number; sourceId: number }> {
  return h.inEngine(async ({ session, db, lib }, second) => {
    const dispatch = lib.createDispatcher({ session });
    const codings = db.sqlite.prepare(`SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c."end", k.name AS path, s.name AS source
      FROM codings c JOIN codes k ON k.id = c.code_id JOIN sources s ON s.id = c.source_id ORDER BY c.source_id, c.start`).all() as Coding[];
    const first = codings[0]!;
    const apply = async (sourceId: number, codeId: number, start: number, end: number) => {
      const r = (await dispatch('codings.apply', { sourceId, codeId, ranges: [{ start, end }], coder: second })) as Result<number[]>;
      if (!r.ok) throw new Error(r.error.message);
    };
    for (const c of codings) {
      if (c.id === first.id) await apply(c.sourceId, c.codeId, c.start + 4, c.end);
      else await apply(c.sourceId, c.codeId, c.start, c.end);
    }
    // Two passages of the same code in the same transcript that only the second coder codes: turns without that code.
    const turns = db.sqlite.prepare(`SELECT t.start, t."end" FROM turns t WHERE t.source_id = ? AND t.is_interviewer = 0 AND NOT EXISTS
      (SELECT 1 FROM codings c WHERE c.source_id = t.source_id AND c.code_id = ? AND c.start < t."end" AND c."end" > t.start) ORDER BY t.start`).all(first.sourceId, first.codeId) as { start: number; end: number }[];
    for (const t of turns.slice(0, 2)) await apply(first.sourceId, first.codeId, t.start, Math.min(t.end, t.start + 60));
    const path = db.sqlite.prepare(`WITH RECURSIVE up(id, parent, name) AS (SELECT id, parent_id, name FROM codes WHERE id = ?
      UNION ALL SELECT c.id, c.parent_id, c.name || '/' || up.name FROM codes c JOIN up ON c.id = up.parent) SELECT name FROM up WHERE parent IS NULL`).pluck().get(first.codeId) as string;
    return { code: path, source: first.source, codeId: first.codeId, sourceId: first.sourceId };
  }, SECOND);
}

async function openAgreement(h: Harness, tab: string, coders: string[]) {
  const { page } = h;
  // More room for the table and heatmap: navigator and inspector off.
  for (const pane of ['Navigator', 'Inspector']) {
    await page.getByRole('button', { name: pane }).click();
    await expect.poll(() => page.getByRole('button', { name: pane }).getAttribute('aria-pressed')).toBe('false');
  }
  await page.getByRole('tab', { name: tab === 'nl' ? 'Analyse' : 'Analysis' }).click();
  await page.getByRole('tab', { name: tab === 'nl' ? 'Overeenstemming' : 'Agreement' }).click();
  const setup = page.getByRole('form', { name: tab === 'nl' ? 'Vergelijking' : 'Comparison' });
  for (const c of coders) {
    await setup.getByText(c, { exact: true }).click();
    await expect.poll(() => setup.getByRole('checkbox', { name: c }).isChecked()).toBe(true);
  }
  await page.getByRole('button', { name: tab === 'nl' ? 'Berekenen' : 'Compute' }).click();
}

describe('intercoder agreement view', () => {
  it('table and heatmap show the service figures; three disagreements resolved by keyboard; figures update; undo', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), viewport: { width: 1400, height: 1400 } });
    const target = await addSecondCoder(harness);
    const { page } = harness;
    await openAgreement(harness, 'nl', ['Onderzoeker', SECOND]);
    const table = page.getByRole('table', { name: 'Overeenstemming per code' });
    await table.waitFor();
    const expected = (await harness.inEngine(
      ({ session, lib }, coders) => lib.createDispatcher({ session })('agreement.compute', { coders, skipInterviewer: true, threshold: 0.9 }),
      ['Onderzoeker', SECOND],
    )) as Result<AgreementReport>;
    if (!expected.ok) throw new Error(expected.error.message);
    const overall = expected.data.results.find((r) => r.code === null)!;
    const overallRow = table.getByRole('row', { name: /Alle codes samen/ });
    const kappa = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(overall.cohenKappa);
    await expect.poll(() => overallRow.innerText()).toContain(kappa);
    expect(overall.cohenKappa).toBeLessThan(1);
    // The unit is stated.
    await expect.poll(() => page.getByText(/UTF-16-code-eenheden/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('agreement-table-nl') });
    // A definition in a tooltip, by keyboard: Tab from the export button to the second column's ⓘ.
    await page.getByRole('button', { name: 'Exporteren naar Excel…' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Definitie van Cohens κ');
    await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('Cohens κ (1960)');
    await page.keyboard.press('Escape');

    // The heatmap cell of the code with three disagreements opens its review queue (keyboard: Enter).
    const cell = page.getByRole('button', { name: new RegExp(`^${escape(target.code)} in ${escape(target.source)}:`) });
    await cell.focus();
    await page.keyboard.press('Enter');
    const review = page.getByRole('region', { name: new RegExp(`in ${escape(target.source)}$`) });
    await review.getByRole('status').getByText('3 open verschillen van 3').waitFor();
    await page.screenshot({ path: screenshotPath('agreement-nl'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: 1 = the example coder's version, 2 = the second coder's, A = all versions.
    await review.getByRole('button', { name: 'Volgende' }).focus();
    await page.keyboard.press('k');
    await review.getByText('Verschil 1 van 3').waitFor();
    await page.keyboard.press('1');
    await review.getByRole('status').getByText('2 open verschillen van 3').waitFor();
    await review.getByText('Verschil 2 van 3').waitFor();
    await page.keyboard.press('2');
    await review.getByRole('status').getByText('1 open verschil van 3').waitFor();
    await page.keyboard.press('a');
    await review.getByRole('status').getByText('0 open verschillen van 3').waitFor();
    // Figures with the consensus (difference 1: the example coder's version, which is no coding; 2: the second coder's; 3: both).
    const status = await review.getByRole('status').innerText();
    expect(status).toMatch(/κ van Onderzoeker met consensus: 0,\d{3}/);
    expect(status).toMatch(/κ van Tweede codeur met consensus: 0,\d{3}/);
    const h = harness;
    const consensus = () => h.value<number>(`SELECT COUNT(*) FROM codings c JOIN users u ON u.id = c.coder_id WHERE u.name = 'consensus'`);
    expect(await consensus()).toBe(2);
    // The decision without a resulting coding keeps its note as a memo on the transcript.
    expect(await h.value(`SELECT COUNT(*) FROM memos WHERE target_kind = 'source' AND title LIKE 'Consensus over%'`)).toBe(1);
    await review.screenshot({ path: screenshotPath('agreement-review-nl') });

    // Undo (Ctrl+Z) takes back exactly the last decision.
    await page.keyboard.press('Control+z');
    await review.getByRole('status').getByText('1 open verschil van 3').waitFor();
    expect(await consensus()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('English: labels, methods paragraph and heatmap; axe', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'en', viewport: { width: 1400, height: 1400 } });
    await addSecondCoder(harness);
    const { page } = harness;
    await openAgreement(harness, 'en', ['Onderzoeker', SECOND]);
    await page.getByRole('table', { name: 'Agreement per code' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Methods paragraph for the report' }).inputValue()).toContain('Intercoder agreement was assessed on 3 transcripts coded independently by Onderzoeker and Tweede codeur');
    await expect.poll(() => page.getByRole('group', { name: 'Heatmap per code and transcript' }).getByRole('button').count()).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('agreement-en'), fullPage: true });
    await page.getByRole('textbox', { name: 'Methods paragraph for the report' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('agreement-methods-en') });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
