import { describe, expect, it } from 'vitest';
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
});
