import { mkdirSync, mkdtempSync } from 'node:fs';
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
