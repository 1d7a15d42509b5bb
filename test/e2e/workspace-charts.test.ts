// Issue 11 §5: the co-occurrence network shows every code's whole name, and no
// label overlaps another label or circle or leaves the drawing; exported
// charts (SVG and PNG) keep a white margin, nothing touches the edge; the
// Dutch view and section tabs stay on one line at 1400 px; the view tabs fit one row at 1280 px in nl and en.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from '../harness/harness.ts';
import { seriousViolations } from './axe.ts';
import { exampleProject, screenshotPath, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

const SUFFIX = ' en wat daarvoor nodig is in de regio';

/** Gives every coded code a long name (through the app, so the views refresh as after a rename). */
async function lengthenNames(h: Harness): Promise<Map<number, string>> {
  const rows = await h.all<{ id: number; name: string }>('SELECT DISTINCT k.id, k.name FROM codes k JOIN codings c ON c.code_id = k.id');
  const names = new Map<number, string>();
  for (const r of rows) {
    const name = `${r.name}${SUFFIX}`;
    const res = await h.page.evaluate(([id, n]) => window.duiding!.invoke('codebook.update' as never, { id, name: n } as never), [r.id, name] as const) as { ok: boolean };
    expect(res.ok).toBe(true);
    names.set(r.id, name);
  }
  return names;
}

const tabs = (page: Page, name: string) => page.getByRole('tablist', { name }).getByRole('tab');

/** Tops and heights of the tabs: one row, one line each. */
const tabRows = (page: Page, list: string) =>
  page.getByRole('tablist', { name: list }).evaluate((el) => [...el.querySelectorAll('[role="tab"]')].map((tab) => {
    const r = tab.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(tab).lineHeight) || 18;
    return { top: Math.round(r.top), lines: Math.round((tab.clientHeight - parseFloat(getComputedStyle(tab).paddingTop) - parseFloat(getComputedStyle(tab).paddingBottom)) / lineHeight), right: r.right, listRight: el.getBoundingClientRect().right };
  }));

describe('analysis: network labels, chart export margins, tabs (issue 11 §5)', () => {
  it('1400×900 (nl): every view tab and analysis section tab label sits on one line; the sections in one row', async () => {
    harness = await launchHarness({ projectPath: exampleProject(), language: 'nl', viewport: { width: 1400, height: 900 } });
    const { page } = harness;
    await tabs(page, 'Weergaven').first().waitFor();
    await page.getByRole('tab', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Samenhang' }).waitFor();
    // No label breaks inside; none runs out of the strip; the seven views and the analysis parts each fit one row.
    for (const [list, oneRow] of [['Weergaven', true], ['Onderdelen van de analyse', true]] as const) {
      const rows = await tabRows(page, list);
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows.map((r) => r.lines)).toEqual(rows.map(() => 1));
      expect(rows.every((r) => r.right <= r.listRight + 1)).toBe(true);
      if (oneRow) expect(new Set(rows.map((r) => r.top)).size).toBe(1);
    }
    await page.screenshot({ path: screenshotPath('issue11-tabs-1400-nl') });
    // Keyboard: arrows move along the section tabs.
    await page.getByRole('tab', { name: 'Matrix' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Vergelijken' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(harness.pageErrors).toEqual([]);
  });

  for (const [language, width, height] of [['nl', 1280, 800], ['en', 1920, 1080], ['en', 1280, 800], ['nl', 1920, 1080]] as const) {
    it(`${width}×${height} (${language}): whole, separate network labels inside the drawing; SVG and PNG exports with a white margin`, async () => {
      harness = await launchHarness({ projectPath: exampleProject(), language, viewport: { width, height } });
      const h = harness;
      const { page } = h;
      const nl = language === 'nl';
      await page.getByRole('tab', { name: nl ? 'Analyse' : 'Analysis' }).click();
      await page.getByRole('table').first().waitFor();
      // The seven view tabs (short labels) fit one row, also at 1280 px with both side panes open.
      const views = await tabRows(page, nl ? 'Weergaven' : 'Views');
      expect(views.length).toBe(7);
      expect(new Set(views.map((r) => r.top)).size).toBe(1);
      const names = await lengthenNames(h);
      await page.getByRole('tab', { name: nl ? 'Samenhang' : 'Co-occurrence' }).click();
      const svg = page.locator('svg.cooc__svg');
      await svg.waitFor();
      await expect.poll(() => svg.locator('.cooc__label').first().textContent()).toContain(SUFFIX.trim().split(' ')[0]!);

      const drawn = await svg.evaluate((el) => {
        const frame = el.getBoundingClientRect();
        return [...el.querySelectorAll('g[data-code]')].map((g) => {
          const text = g.querySelector('text')!;
          const circle = g.querySelector('circle')!.getBoundingClientRect();
          const label = text.getBoundingClientRect();
          return {
            id: Number(g.getAttribute('data-code')),
            words: [...text.querySelectorAll('tspan')].map((t) => t.textContent).join(' '),
            label: { l: label.left, r: label.right, t: label.top, b: label.bottom },
            circle: { l: circle.left, r: circle.right, t: circle.top, b: circle.bottom },
            inside: label.left >= frame.left && label.right <= frame.right && label.top >= frame.top && label.bottom <= frame.bottom,
            fontPx: parseFloat(getComputedStyle(text).fontSize) * (frame.width / (el as SVGSVGElement).viewBox.baseVal.width),
          };
        });
      });
      expect(drawn.length).toBeGreaterThan(3);
      type R = { l: number; r: number; t: number; b: number };
      const overlap = (a: R, b: R) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
      for (const n of drawn) {
        // The whole name, never cut; inside the drawing; readable size on screen.
        expect(n.words).toBe(names.get(n.id));
        expect(n.inside).toBe(true);
        expect(n.fontPx).toBeGreaterThanOrEqual(9.5);
        for (const m of drawn) {
          if (m.id === n.id) continue;
          expect(overlap(n.label, m.label), `${n.words} / ${m.words}`).toBe(false);
          expect(overlap(n.label, m.circle), `${n.words} over ${m.words}`).toBe(false);
        }
      }
      await svg.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`issue11-network-${width}-${language}`) });
      expect(await seriousViolations(page)).toEqual([]);

      // Charts: save as SVG and as PNG; both keep a white margin all round.
      await page.getByRole('tab', { name: nl ? 'Grafieken' : 'Charts' }).click();
      await page.locator('.charts svg').waitFor();
      const svgPath = join(h.userDataDir, 'grafiek.svg');
      const pngPath = join(h.userDataDir, 'grafiek.png');
      h.shell.dialogAnswers.push(svgPath);
      await page.getByRole('button', { name: nl ? 'Opslaan als SVG…' : 'Save as SVG…' }).click();
      await page.getByRole('status').filter({ hasText: 'grafiek.svg' }).waitFor();
      const exported = readFileSync(svgPath, 'utf8');
      const extent = await page.evaluate((text) => {
        const host = document.createElement('div');
        host.innerHTML = text;
        document.body.append(host);
        const el = host.querySelector('svg')!;
        const vb = el.viewBox.baseVal;
        // Everything drawn except the white paper: text, lines, bars, legend swatches.
        const parts = [...el.querySelectorAll<SVGGraphicsElement>('text, line, rect')].filter((p) => p.getAttribute('fill') !== '#ffffff');
        const ctm = (p: SVGGraphicsElement) => {
          const b = p.getBBox();
          const m = p.getCTM()!;
          const root = el.getCTM()!.inverse();
          const full = root.multiply(m);
          return { l: full.e + b.x * full.a, r: full.e + (b.x + b.width) * full.a, t: full.f + b.y * full.d, b: full.f + (b.y + b.height) * full.d };
        };
        const boxes = parts.map(ctm);
        host.remove();
        return {
          vb: { l: vb.x, t: vb.y, r: vb.x + vb.width, b: vb.y + vb.height },
          l: Math.min(...boxes.map((b) => b.l)), r: Math.max(...boxes.map((b) => b.r)), t: Math.min(...boxes.map((b) => b.t)), b: Math.max(...boxes.map((b) => b.b)),
        };
      }, exported);
      expect(extent.l - extent.vb.l).toBeGreaterThanOrEqual(12);
      expect(extent.vb.r - extent.r).toBeGreaterThanOrEqual(12);
      expect(extent.t - extent.vb.t).toBeGreaterThanOrEqual(12);
      expect(extent.vb.b - extent.b).toBeGreaterThanOrEqual(12);

      h.shell.dialogAnswers.push(pngPath);
      await page.getByRole('button', { name: nl ? 'Opslaan als PNG…' : 'Save as PNG…' }).click();
      await page.getByRole('status').filter({ hasText: 'grafiek.png' }).waitFor();
      const png = readFileSync(pngPath).toString('base64');
      const border = await page.evaluate(async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const band = 20; // 10 px of margin at the PNG's double scale
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            if (x >= band && x < canvas.width - band && y >= band && y < canvas.height - band) continue;
            const i = (y * canvas.width + x) * 4;
            if (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250) dark++;
          }
        }
        return { dark, width: canvas.width };
      }, png);
      expect(border.width).toBeGreaterThan(200);
      expect(border.dark).toBe(0);
      expect(h.pageErrors).toEqual([]);
    });
  }
});
