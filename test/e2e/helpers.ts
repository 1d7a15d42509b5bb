import { afterAll, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { closeSharedBrowser, shareBrowserBetweenHarnesses, type Harness } from '../harness/harness.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExampleProject } from '../../src-main/example/build-example.ts';

export const SCREENSHOT_DIR = 'test-output/screenshots';

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

/** A fresh example project in its own temp folder. */
export function exampleProject(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'duiding-e2e-')), 'Voorbeeld.duiding');
  createExampleProject(path).close();
  return path;
}

/**
 * Closes the test's harness afterwards; when the test failed, first saves a
 * screenshot and the page's errors to test-output/failures/ for diagnosis.
 * The file's harnesses share one Chromium, closed after the file's last test.
 */
export function closeHarnessAfterEach(get: () => Harness | undefined, clear: () => void): void {
  shareBrowserBetweenHarnesses();
  afterAll(closeSharedBrowser);
  afterEach(async (ctx) => {
    const h = get();
    if (!h) return;
    if (ctx.task.result?.state === 'fail') {
      mkdirSync('test-output/failures', { recursive: true });
      const name = ctx.task.name.replace(/[^\w-]+/g, '_').slice(0, 80);
      await h.page.screenshot({ path: `test-output/failures/${name}.png`, fullPage: true }).catch(() => undefined);
      writeFileSync(`test-output/failures/${name}.txt`, [...h.pageErrors, ...h.externalRequests].join('\n'));
    }
    await h.close();
    clear();
  });
}
