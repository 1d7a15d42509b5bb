import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchHarness, HARNESS_ORIGIN, type Harness } from '../harness/harness.ts';
import { exampleProject, closeHarnessAfterEach } from './helpers.ts';

let harness: Harness | undefined;
closeHarnessAfterEach(() => harness, () => (harness = undefined));

describe('offline promise', () => {
  it('makes no network request while the app is used, and its CSP refuses any attempt', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    await page.getByRole('treegrid', { name: 'Codeboek' }).getByRole('row').first().click();
    // Everything the page loaded came from the app itself.
    expect(harness.externalRequests).toEqual([]);

    // Even script-initiated requests are refused by the CSP (connect-src 'none').
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/collect');
        return 'sent';
      } catch {
        return 'refused';
      }
    });
    expect(outcome).toBe('refused');
    const csp = await page.evaluate(async (origin) => (await fetch(`${origin}/index.html`).catch(() => null))?.status ?? 'blocked', HARNESS_ORIGIN);
    expect(csp).toBe('blocked');
    // The preload-shaped bridge is the only thing exposed: no Node, no require.
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { duiding: object }).duiding).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['getPathForFile', 'invoke', 'on'] });
  });

  it('inline styles need this load\'s nonce: markup style attributes and foreign <style> are refused, CSSOM styles and the app\'s own work', async () => {
    harness = await launchHarness({ projectPath: exampleProject() });
    const { page } = harness;
    // Use the UI: pressable react-aria components add their <style> (with the nonce from the csp-nonce meta).
    await page.getByRole('listbox', { name: /Transcripten/ }).getByRole('option').first().click();
    await page.getByRole('article').waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}`));
      const host = document.createElement('div');
      document.body.append(host);
      host.innerHTML = '<p id="attr" style="color: rgb(255, 0, 0)">x</p><style>#tag { color: rgb(0, 128, 0) }</style><p id="tag">y</p>';
      const cssom = document.createElement('p');
      cssom.style.color = 'rgb(0, 0, 255)';
      host.append(cssom);
      await new Promise((r) => setTimeout(r, 50));
      const nonce = (document.querySelector('meta[property="csp-nonce"]') as HTMLMetaElement).nonce;
      const ariaStyles = [...document.querySelectorAll('style')].filter((s) => s.nonce === nonce && s.nonce !== '');
      return {
        attr: getComputedStyle(document.getElementById('attr')!).color,
        tag: getComputedStyle(document.getElementById('tag')!).color,
        cssom: getComputedStyle(cssom).color,
        violations,
        nonceLooksRandom: /^[A-Za-z0-9+/]{22}==$/.test(nonce),
        ariaStyleApplied: ariaStyles.length > 0 && ariaStyles.every((s) => s.sheet !== null),
      };
    });
    expect(outcome.attr).not.toBe('rgb(255, 0, 0)');
    expect(outcome.tag).not.toBe('rgb(0, 128, 0)');
    expect(outcome.cssom).toBe('rgb(0, 0, 255)');
    expect(outcome.violations).toEqual(expect.arrayContaining(['style-src-attr', 'style-src-elem']));
    expect(outcome.nonceLooksRandom).toBe(true);
    expect(outcome.ariaStyleApplied).toBe(true);
  });
});

describe('files the page may name', () => {
  it('a script cannot export to, import or open a file the user did not choose; a dialog choice works once; a dropped file may be imported', async () => {
    const project = exampleProject();
    harness = await launchHarness({ projectPath: project });
    const { page, shell } = harness;
    const dir = dirname(project);
    const target = join(dir, 'gekozen.csv');
    const secret = join(dir, 'geheim.txt');
    writeFileSync(secret, 'Interviewer: vraag\n\nMarieke: antwoord\n');
    const invoke = (channel: string, payload: unknown) => page.evaluate(([c, p]) =>
      (window as unknown as { duiding: { invoke(c: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).duiding.invoke(c, p), [channel, payload] as const);

    expect(await invoke('segments.export', { codeIds: [1], format: 'csv', path: target })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(existsSync(target)).toBe(false);
    expect(await invoke('import.preview', { paths: [secret] })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(await invoke('project.open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    // A File made by a script has no path: nothing is granted.
    expect(await page.evaluate(() => (window as unknown as { duiding: { getPathForFile(f: File): string } }).duiding.getPathForFile(new File(['x'], 'passwd')))).toBe('');

    shell.dialogAnswers.push(target);
    expect(await invoke('shell.saveFileDialog', { defaultName: 'gekozen', extension: 'csv' })).toMatchObject({ ok: true });
    expect(await invoke('segments.export', { codeIds: [1], format: 'csv', path: target })).toMatchObject({ ok: true });
    expect(existsSync(target)).toBe(true);
    expect(await invoke('segments.export', { codeIds: [1], format: 'csv', path: target })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });

    // Dropped onto the window (the harness bridge reads `path` like Electron's webUtils): the import may read it.
    await page.evaluate((path) => {
      const file = new File(['x'], 'geheim.txt');
      Object.defineProperty(file, 'path', { value: path });
      (window as unknown as { duiding: { getPathForFile(f: File): string } }).duiding.getPathForFile(file);
    }, secret);
    expect(await invoke('import.preview', { paths: [secret] })).toMatchObject({ ok: true });
    expect(await invoke('analysis.saveChart', { format: 'svg', data: '<svg></svg>', path: secret })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(harness.pageErrors).toEqual([]);
  });
});
