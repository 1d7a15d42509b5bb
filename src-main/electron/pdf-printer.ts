// PDF in the app: Electron's own Chromium prints the report, in a hidden,
// sandboxed window without JavaScript, in an in-memory session of its own that
// can reach nothing but the report page and its data: images. No system
// browser, no temp file (the HTML is served from memory), nothing on disk but
// the PDF the user asked for (written by the export, not here). Electron is
// injected, so the decisions are unit-tested without the binary.
import type { BrowserWindowConstructorOptions, Session } from 'electron';
import type { PdfPrinter } from '../analysis/render/pdf.ts';
import { APP_SCHEME } from './app-protocol.ts';

/** No `persist:` prefix: the session lives in memory only (no cache, cookies or storage on disk). */
export const PDF_PARTITION = 'duiding-pdf';
/** The one URL the print window loads; its host is not the app's, so it can never reach the UI's files. */
export const PDF_URL = `${APP_SCHEME}://report/report.html`;
/** The report's own CSP (render/html.ts), also sent as a header: inline CSS, data: images, nothing else. */
export const PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The print window: hidden, sandboxed, no JavaScript, no preload, nothing that could reach out. */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      partition: PDF_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      webgl: false,
      plugins: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      disableDialogs: true,
      backgroundThrottling: false,
    },
  };
}

/** Requests the print session lets through: the report page itself and its inline (data:) images. */
export function isAllowedPdfRequest(url: string): boolean {
  if (url === PDF_URL) return true;
  try {
    return new URL(url).protocol === 'data:';
  } catch {
    return false;
  }
}

/** A4 (the report's @page says so too), backgrounds for the tables, tagged for screen readers, no browser header/footer. */
export const PRINT_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: typeof PRINT_OPTIONS): Promise<Uint8Array> };
  isDestroyed(): boolean;
  destroy(): void;
}

/** The parts of Electron the printer uses (injected: main.ts passes the real ones). */
export interface PdfElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => PrintWindow;
  session: { fromPartition(partition: string): Session };
}

type PrintSession = Pick<Session, 'setProxy' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled' | 'webRequest' | 'on' | 'protocol'>;

/** Locks the print session down once: no proxy lookup (no PAC/WPAD), no permissions, no requests but the report's. */
export async function hardenPdfSession(ses: PrintSession): Promise<void> {
  await ses.setProxy({ mode: 'direct' });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false); // its dictionaries would be downloaded
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPdfRequest(details.url) }));
  ses.on('will-download', (event) => event.preventDefault());
}

export function createElectronPdfPrinter(electron: PdfElectron, timeoutMs = 60_000): PdfPrinter {
  let ready: Promise<PrintSession> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const printOne = async (html: string): Promise<Uint8Array> => {
    ready ??= (async () => {
      const ses = electron.session.fromPartition(PDF_PARTITION);
      await hardenPdfSession(ses);
      return ses;
    })();
    const ses = await ready;
    ses.protocol.handle(APP_SCHEME, (request) => (request.url === PDF_URL
      ? new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PDF_CSP, 'Cache-Control': 'no-store' } })
      : new Response('Not found', { status: 404 })));
    const win = new electron.BrowserWindow(pdfWindowOptions());
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`Electron: no PDF after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      });
      await Promise.race([win.loadURL(PDF_URL), timeout]);
      return new Uint8Array(await Promise.race([win.webContents.printToPDF(PRINT_OPTIONS), timeout]));
    } finally {
      clearTimeout(timer);
      if (!win.isDestroyed()) win.destroy();
      // The HTML (the quotes) is not kept anywhere once the PDF exists.
      ses.protocol.unhandle(APP_SCHEME);
    }
  };

  // One print at a time: the session serves one report page.
  return (html) => {
    const job = queue.then(() => printOne(html));
    queue = job.catch(() => undefined);
    return job;
  };
}
