// `npm run build && node bench/reader.ts` — the reader in real Chromium
// (browser harness, real dispatch and SQLite) on a 300,000-character
// transcript with 2,000 codings. Not a test: figures depend on the machine.
//   open:    click on the transcript → turns, marks and margin bars painted
//            (includes the harness bridge: Playwright's exposeBinding carries the
//            600 kB sources.get answer over CDP; the service itself takes ~4 ms)
//   openFromCache: the same, with the transcript already in the query cache
//   apply:   quick key → the new mark in the DOM → the next frame (painted)
//   remove:  Delete on the selected coding → mark gone → painted
//   …Dom:    the same up to the DOM change, without waiting for the frame (headless
//            Chromium's frame clock, once idle, may show a change a frame or more later)
//   scroll:  rAF deltas while scrolling 120 px a frame; long tasks (>50 ms)
//   select:  rAF deltas while dragging a selection with the mouse
//   undo/redo: Ctrl+Z / Ctrl+Shift+Z after a quick-key coding → mark gone/back → painted
//   callsAfterCoding: bridge calls a quick-key coding causes (write + refreshes)
// Each figure is printed beside the previous run's (bench/results/reader.json)
// and the baseline before issue 11 (bench/baselines/reader-before-issue11.json),
// with the target where it has one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness, type Harness } from '../test/harness/harness.ts';
import { createLongTranscriptProject } from './long-transcript.ts';
import { openProjectDb } from '../src-main/db/open.ts';
import { ensureUser } from '../src-main/services/users.ts';
import { applyCoding } from '../src-main/services/coding-edit.ts';
import { redo, undo } from '../src-main/history/record.ts';
import { getSource, listSources, sourceCodings } from '../src-main/sources/sources.ts';
import { listCodes } from '../src-main/services/codebook.ts';
import { createCode } from '../src-main/services/codebook-edit.ts';

const RUNS = Number(process.env.RUNS ?? 5);
/** Progress on stderr: a run takes minutes, and a step that waits for the page says where it is. */
const phase = (name: string) => process.stderr.write(`[bench/reader] ${new Date().toISOString().slice(11, 19)} ${name}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const round = (x: number) => Math.round(x * 10) / 10;

const long = createLongTranscriptProject(join(mkdtempSync(join(tmpdir(), 'duiding-bench-reader-')), 'Lang.duiding'));
const results: Record<string, number | string> = { characters: long.characters, turns: long.turns, codings: long.codings };
// The quick-key code: one no generated coding uses, so every key press makes a coding of its own (on a
// code that already covers the words, a coding would merge into the existing one and paint nothing new).
{
  const db = openProjectDb(long.path);
  createCode(db, { name: 'Bench snelcode', color: '#8e44ad', parentId: null }, ensureUser(db, 'Bench'));
  db.close();
}

phase('0 service');
// 0. Service level (no browser): what one coding costs in the main process.
{
  const db = openProjectDb(long.path);
  try {
    const coder = ensureUser(db, 'Bench');
    const codeId = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' AND parent_id IS NOT NULL ORDER BY id LIMIT 1").pluck().get() as number;
    const time = (fn: () => unknown) => {
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    };
    const apply: number[] = [];
    const undos: number[] = [];
    const redos: number[] = [];
    for (let i = 0; i < 20; i++) {
      apply.push(time(() => applyCoding(db, { sourceId: long.sourceId, codeId, ranges: [{ start: 100 + i, end: 140 + i }], coderId: coder })));
      undos.push(time(() => undo(db)));
      redos.push(time(() => redo(db)));
      undo(db);
    }
    results.serviceApplyMedianMs = round(median(apply));
    results.serviceUndoMedianMs = round(median(undos));
    results.serviceRedoMedianMs = round(median(redos));
    const each = (fn: () => unknown) => round(median(Array.from({ length: 10 }, () => time(fn))));
    results.serviceSourcesListMs = each(() => listSources(db));
    results.serviceSourcesListLengthOfTextMs = each(() => db.sqlite.prepare('SELECT length(text) FROM sources').all());
    results.serviceCodebookListMs = each(() => listCodes(db));
    results.serviceSourceCodingsMs = each(() => sourceCodings(db, long.sourceId));
    results.serviceSourcesGetMs = each(() => getSource(db, long.sourceId));
  } finally {
    db.close();
  }
}

/** Opens the long transcript from the list and returns ms until turns, marks and bars are painted. */
async function open(h: Harness): Promise<number> {
  await h.page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option', { name: /Lang interview/ }).waitFor();
  return h.page.evaluate(() => new Promise<number>((resolve) => {
    const option = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((el) => el.textContent?.includes('Lang interview'))!;
    const t0 = performance.now();
    option.click();
    const check = () => {
      if (document.querySelector('.reader__body [data-turn-index] mark') && document.querySelector('.reader__body .margin-bar')) {
        requestAnimationFrame(() => resolve(performance.now() - t0));
      } else requestAnimationFrame(check);
    };
    check();
  }));
}

phase('1 open');
// 1. Open, each time in a fresh page (nothing cached).
const opens: number[] = [];
const openLongTasks: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const h = await launchHarness({ projectPath: long.path });
  try {
    await h.page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    opens.push(await open(h));
    openLongTasks.push(await h.page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)));
  } finally {
    await h.close();
  }
}
results.openMedianMs = round(median(opens));
results.openMaxMs = round(Math.max(...opens));
results.openLongestTaskMs = round(Math.max(...openLongTasks));

phase('2 cached open');
// 2–5 in one page.
const h = await launchHarness({ projectPath: long.path });
try {
  const { page } = h;
  await open(h);
  // The same transcript again from the query cache (the tab remounts the reader):
  // rendering alone, without the harness bridge's transfer of the 600 kB answer.
  const cached: number[] = [];
  const bridge: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.keyboard.press('Control+7');
    await page.locator('.reader__body').waitFor({ state: 'detached' });
    cached.push(await page.evaluate(() => new Promise<number>((resolve) => {
      const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')][0]!;
      const t0 = performance.now();
      tab.click();
      const check = () => {
        if (document.querySelector('.reader__body [data-turn-index] mark') && document.querySelector('.reader__body .margin-bar')) {
          requestAnimationFrame(() => resolve(performance.now() - t0));
        } else requestAnimationFrame(check);
      };
      check();
    })));
    bridge.push(await page.evaluate(async (id) => {
      const t0 = performance.now();
      await window.duiding!.invoke('sources.get', { id });
      return performance.now() - t0;
    }, long.sourceId));
  }
  results.openFromCacheMedianMs = round(median(cached));
  results.harnessBridgeSourcesGetMedianMs = round(median(bridge));

  phase('3 palette coding');
  // A first coding through the palette makes it quick code 1.
  const selectIn = async (turnIndex: number) => {
    // Clear first: selecting the range the app already holds (or held before a coding cleared it) fires nothing new.
    await page.evaluate(() => window.getSelection()!.removeAllRanges());
    for (let i = 0; i < 100 && (await page.locator('.reader__body').getAttribute('data-selection')); i++) await page.waitForTimeout(10);
    const before = await page.locator('.reader__body').getAttribute('data-selection');
    await page.evaluate((i) => {
      const p = document.querySelector<HTMLElement>(`[data-turn-index="${i}"] .turn__text`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(first, Math.min(first.data.length, 40));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    }, turnIndex);
    for (let i = 0; i < 100 && (await page.locator('.reader__body').getAttribute('data-selection')) === before; i++) await page.waitForTimeout(10);
  };
  /** Waits until the page has an idle moment: what the last gesture set off is rendered. */
  const settled = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 1000 }))));
  await selectIn(3);
  await page.keyboard.press('Control+k');
  await page.getByLabel('Zoek een code').fill('Bench snelcode');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);

  const applyPaint: number[] = [];
  const applyConfirmed: number[] = [];
  const applyPersisted: number[] = [];
  const removePaint: number[] = [];
  // Key → the DOM changed, before the frame: headless Chromium may show that change one or more
  // frames later when its frame clock had gone idle, which the paint figures include.
  const applyDom: number[] = [];
  const removeDom: number[] = [];
  phase('4 apply/remove');
  // Bridge calls and their round trips, as the renderer makes them.
  await page.evaluate(() => {
    // The harness bridge calls this binding on each invoke (test/harness/bridge-init.ts).
    const w = window as unknown as { calls: { channel: string; ms: number }[]; __duidingInvoke: (c: string, p: unknown, d: string[]) => Promise<unknown> };
    w.calls = [];
    const invoke = w.__duidingInvoke;
    w.__duidingInvoke = async (channel, payload, dropped) => {
      const t0 = performance.now();
      try {
        return await invoke(channel, payload, dropped);
      } finally {
        w.calls.push({ channel, ms: performance.now() - t0 });
      }
    };
  });
  // PROFILE=<folder>: a CPU profile of the page over the apply/remove runs (build with DUIDING_UNMINIFIED=1 for names).
  const profiler = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  for (let i = 0; i < RUNS * 2; i++) {
    await selectIn(3 + (i % 4));
    await settled();
    const [paint, confirmed, domChanged] = await page.evaluate(() => new Promise<[number, number, number]>((resolve) => {
      const body = document.querySelector('.reader__body')!;
      // The new coding shows as an id no mark carried before (the count of marks need not change where codings overlap).
      const idsOf = (marks: HTMLElement[]) => new Set(marks.flatMap((m) => m.dataset.codings!.split(' ')));
      const before = idsOf([...body.querySelectorAll<HTMLElement>('mark[data-codings]')]);
      let painted = 0;
      let dom = 0;
      const t0 = performance.now();
      // The write's round trip replaces the provisional (negative) id with the stored one.
      const confirm = () => {
        const marks = [...body.querySelectorAll<HTMLElement>('mark[data-codings]')];
        if (painted && !marks.some((m) => m.dataset.codings!.split(' ').some((id) => Number(id) < 0))) {
          observer.disconnect();
          resolve([painted, performance.now() - t0, dom]);
        }
      };
      const observer = new MutationObserver(() => {
        const marks = [...body.querySelectorAll<HTMLElement>('mark[data-codings]')];
        if (!painted && !dom && [...idsOf(marks)].some((id) => !before.has(id))) {
          dom = performance.now() - t0;
          requestAnimationFrame(() => {
            painted = performance.now() - t0;
            confirm(); // the stored id may have arrived before this frame
          });
        }
        confirm();
      });
      observer.observe(body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-codings'] });
      // A key the app ignored must stop the run with a reason, not hang it.
      setTimeout(() => resolve([Number.NaN, Number.NaN, Number.NaN]), 10_000);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    }));
    if (Number.isNaN(paint)) {
      const state = await page.evaluate(() => ({
        selection: document.querySelector('.reader__body')?.getAttribute('data-selection'),
        bar: document.querySelector('[aria-label*="snelcodes" i], .quick-codes, .quickbar')?.textContent ?? null,
        status: document.querySelector('[role="status"]')?.textContent ?? null,
      }));
      throw new Error(`key 1 coded nothing within 10 s: ${JSON.stringify(state)}`);
    }
    applyPaint.push(paint);
    applyDom.push(domChanged);
    applyConfirmed.push(confirmed);
    await page.waitForTimeout(600);
    const calls = await page.evaluate(() => (window as unknown as { calls: { channel: string; ms: number }[] }).calls.splice(0));
    const write = calls.find((c) => c.channel === 'codings.apply');
    if (write) applyPersisted.push(write.ms);
    if (i === 0) results.callsAfterCoding = calls.map((c) => c.channel).join(' ');
    // Remove the (selected) new coding with Delete from the focused turn.
    await page.locator(`[data-turn-index="${3 + (i % 4)}"]`).focus();
    // Measure the key, not the focus: its own render must be done first (a user's hand takes longer).
    await settled();
    const [removed, removedDom] = await page.evaluate((turn) => new Promise<[number, number]>((resolve) => {
      const row = document.querySelector<HTMLElement>(`[data-turn-index="${turn}"]`)!;
      const ids = new Set([...document.querySelectorAll<HTMLElement>('.margin-bar--selected')].map((b) => b.dataset.coding));
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        const left = [...row.querySelectorAll<HTMLElement>('mark[data-codings]')].some((m) => m.dataset.codings!.split(' ').some((id) => ids.has(id)));
        if (!left) {
          observer.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() => resolve([performance.now() - t0, dom]));
        }
      });
      observer.observe(row, { subtree: true, childList: true, attributes: true });
      row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    }), 3 + (i % 4));
    removePaint.push(removed);
    removeDom.push(removedDom);
    await page.waitForTimeout(600);
  }
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    mkdirSync(process.env.PROFILE!, { recursive: true });
    writeFileSync(join(process.env.PROFILE!, 'reader-apply-remove.cpuprofile'), JSON.stringify(profile));
  }
  results.applyPaintMedianMs = round(median(applyPaint));
  if (applyPersisted.length) results.applyPersistedMedianMs = round(median(applyPersisted));
  results.applyPaintP95Ms = round(p95(applyPaint));
  results.applyConfirmedMedianMs = round(median(applyConfirmed));
  results.applyDomMedianMs = round(median(applyDom));
  results.removePaintMedianMs = round(median(removePaint));
  results.removeDomMedianMs = round(median(removeDom));
  results.removePaintP95Ms = round(p95(removePaint));

  phase('5 undo/redo');
  // Undo and redo of a quick-key coding: key press → mark gone (back) → painted.
  const undoPaint: number[] = [];
  const redoPaint: number[] = [];
  const markSignature = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.reader__body mark[data-codings]')].map((m) => m.dataset.codings).join('|'));
  const keyToChange = (key: string, shift: boolean) => page.evaluate(([k, sh]) => new Promise<number>((resolve) => {
    const body = document.querySelector('.reader__body')!;
    const signature = () => [...body.querySelectorAll<HTMLElement>('mark[data-codings]')].map((m) => m.dataset.codings).join('|');
    const before = signature();
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (signature() !== before) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    });
    observer.observe(body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-codings'] });
    setTimeout(() => resolve(Number.NaN), 10_000);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k as string, ctrlKey: true, shiftKey: sh as boolean, bubbles: true }));
  }), [key, shift] as const).then((ms) => {
    if (Number.isNaN(ms)) throw new Error(`Ctrl+${key} changed no mark within 10 s`);
    return ms;
  });
  for (let i = 0; i < RUNS * 2; i++) {
    await selectIn(3 + (i % 4));
    const before = await markSignature();
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true })));
    for (let j = 0; j < 200 && (await markSignature()) === before; j++) await page.waitForTimeout(10);
    await page.waitForTimeout(600);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    undoPaint.push(await keyToChange('z', false));
    await page.waitForTimeout(400);
    redoPaint.push(await keyToChange('Z', true));
    await page.waitForTimeout(400);
    await keyToChange('z', false);
    await page.waitForTimeout(400);
  }
  results.undoPaintMedianMs = round(median(undoPaint));
  results.undoPaintP95Ms = round(p95(undoPaint));
  results.redoPaintMedianMs = round(median(redoPaint));

  phase('6 scroll');
  // Scrolling: 120 px a frame through the transcript, 600 frames.
  const scroll = await page.evaluate(() => new Promise<{ deltas: number[]; longTasks: number[] }>((resolve) => {
    const el = document.querySelector<HTMLElement>('.reader__scroll')!;
    const deltas: number[] = [];
    const longTasks: number[] = [];
    const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    po.observe({ type: 'longtask' });
    let last = performance.now();
    let frames = 0;
    const step = (now: number) => {
      deltas.push(now - last);
      last = now;
      el.scrollTop += 120;
      if (++frames < 600) requestAnimationFrame(step);
      else {
        po.disconnect();
        resolve({ deltas: deltas.slice(1), longTasks });
      }
    };
    requestAnimationFrame(step);
  }));
  results.scrollFrameMedianMs = round(median(scroll.deltas));
  results.scrollFrameP99Ms = round([...scroll.deltas].sort((a, b) => a - b)[Math.floor(scroll.deltas.length * 0.99)]!);
  results.scrollFrameP95Ms = round(p95(scroll.deltas));
  results.scrollFrameMaxMs = round(Math.max(...scroll.deltas));
  results.scrollFramesOver25Ms = scroll.deltas.filter((d) => d > 25).length;
  results.scrollFrames = scroll.deltas.length;
  results.scrollLongTasks = scroll.longTasks.length;

  phase('7 select');
  // Selecting with the mouse across a visible turn.
  await page.locator('.reader__scroll').evaluate((el) => (el.scrollTop = 0));
  await page.waitForTimeout(200);
  const box = (await page.locator('[data-turn-index="3"] .turn__text').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { frames2: number[]; stop: boolean };
    w.frames2 = [];
    w.stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.frames2.push(now - last);
      last = now;
      if (!w.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + 2, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4, { steps: 60 });
  await page.mouse.up();
  const sel = await page.evaluate(() => {
    const w = window as unknown as { frames2: number[]; stop: boolean };
    w.stop = true;
    return w.frames2.slice(1);
  });
  results.selectFrameMedianMs = round(median(sel));
  results.selectFrameMaxMs = round(Math.max(...sel));
  results.selectFramesOver25Ms = sel.filter((d) => d > 25).length;
  results.domTurnsRendered = await page.locator('[data-turn-index]').count();
  if (h.pageErrors.length) results.pageErrors = h.pageErrors.join(' | ');
} finally {
  await h.close();
}

phase('report');
// Issue 11's targets (ms); the figures print beside the previous ones.
const TARGETS: Record<string, string> = {
  openMedianMs: '< 300 (first screen)',
  applyPaintMedianMs: '< 16 (one frame)',
  applyDomMedianMs: '< 16 (one frame)',
  applyPersistedMedianMs: '< 20',
  serviceApplyMedianMs: '< 20',
  removePaintMedianMs: '< 16 (one frame)',
  removeDomMedianMs: '< 16 (one frame)',
  undoPaintMedianMs: '< 100',
  redoPaintMedianMs: '< 100',
  scrollFrameP99Ms: '< 33',
};
const readJson = (path: string) => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, number | string>) : {});
const previous = readJson('bench/results/reader.json');
const baseline = readJson('bench/baselines/reader-before-issue11.json');
const rows = Object.entries(results).map(([k, v]) => [k, String(baseline[k] ?? '—'), String(previous[k] ?? '—'), String(v), TARGETS[k] ?? '']);
const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length), 12);
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width(0)) : c.padStart(Math.min(width(i), 40)))).join('  ');
process.stdout.write(`${line(['figure', 'before #11', 'previous', 'now', 'target'])}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/reader.json', `${JSON.stringify(results, null, 2)}\n`);
