// Renders assets/icon.svg to the PNG sizes electron-builder uses (issue 12 §9):
// assets/icon.png (1024 px; electron-builder derives the macOS .icns and the
// Windows .ico from it) and assets/icons/<n>x<n>.png for Linux. Uses the
// machine's Chromium headless, so no image library is needed:
//   node scripts/make-icons.ts [/path/to/chromium]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const chromium = process.argv[2] ?? '/usr/bin/chromium';
const svg = readFileSync(resolve('assets/icon.svg'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'duiding-icons-'));
try {
  for (const size of SIZES) {
    const page = join(work, `${size}.html`);
    writeFileSync(page, `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    const out = size === 1024 ? resolve('assets/icon.png') : resolve(`assets/icons/${size}x${size}.png`);
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000',
      `--window-size=${size},${size}`, `--screenshot=${out}`, `file://${page}`], { stdio: 'ignore' });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
