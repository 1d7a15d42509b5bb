// `npm run harness -- [--project FILE] [--lang nl|en] [--screenshot FILE] [--headed]`
// Opens the real UI in Debian's Chromium without Electron. Headless (default):
// takes a screenshot and exits. Headed (e.g. under `xvfb-run` or on a desktop):
// stays open until the window is closed or Ctrl+C.
import { parseArgs } from 'node:util';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { launchHarness } from '../test/harness/harness.ts';
import { createExampleProject } from '../src-main/example/build-example.ts';
import { isLanguage } from '../src-shared/i18n/catalog.ts';

const { values } = parseArgs({
  options: {
    project: { type: 'string' },
    lang: { type: 'string', default: 'nl' },
    screenshot: { type: 'string', default: 'test-output/harness.png' },
    headed: { type: 'boolean', default: false },
  },
});
const language = isLanguage(values.lang) ? values.lang : 'nl';
let projectPath = values.project ? resolve(values.project) : undefined;
if (!projectPath) {
  projectPath = join(mkdtempSync(join(tmpdir(), 'duiding-example-')), 'Voorbeeldproject.duiding');
  createExampleProject(projectPath, language).close();
}
const harness = await launchHarness({ projectPath, language, headed: values.headed });
await harness.page.getByRole('option').first().click();
await harness.page.getByRole('article').waitFor();
if (values.headed) {
  process.stdout.write(`Duiding harness open on ${projectPath}. Close the window or press Ctrl+C to stop.\n`);
  await new Promise<void>((done) => {
    harness.page.on('close', () => done());
    process.on('SIGINT', () => done());
  });
} else {
  const out = resolve(values.screenshot ?? 'test-output/harness.png');
  mkdirSync(dirname(out), { recursive: true });
  await harness.page.screenshot({ path: out });
  process.stdout.write(`Screenshot: ${out}\n`);
}
await harness.close();
