// PDF by printing the report's HTML through Chromium. The CLI and tests use
// the system Chromium headless; the Electron app injects a printer built on
// webContents.printToPDF. The HTML loads nothing (CSP default-src 'none'), and
// the browser gets a dead proxy as a second guard: no network, ever.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export const CHROMIUM_PATH = process.env.DUIDING_CHROMIUM ?? '/usr/bin/chromium';

export class PdfPrinterMissing extends Error {}

export function chromiumPrinter(binary = CHROMIUM_PATH, timeoutMs = 60_000): PdfPrinter {
  return (html) => new Promise((resolve, reject) => {
    if (!existsSync(binary)) {
      reject(new PdfPrinterMissing(binary));
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'duiding-pdf-'));
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    writeFileSync(input, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer', `--print-to-pdf=${output}`, pathToFileURL(input).href,
    ];
    execFile(binary, args, { timeout: timeoutMs }, (err) => {
      try {
        // A short reason for the message the user sees; execFile's own message repeats the whole command line.
        if (err?.killed) reject(new Error(`Chromium: no PDF after ${Math.round(timeoutMs / 1000)} s`));
        else if (err) reject(new Error(typeof err.code === 'number' ? `Chromium: exit code ${err.code}` : `Chromium: ${String(err.code ?? err.signal ?? 'failed')}`));
        else if (!existsSync(output)) reject(new Error('Chromium: no PDF written'));
        else resolve(new Uint8Array(readFileSync(output)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
