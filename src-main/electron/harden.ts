// Electron's security checklist, applied to the session and to every
// webContents: no permissions, no network, no navigation, no new windows,
// no webviews, no downloads.
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from './security-policy.ts';

export interface HardenLog {
  warn(message: string): void;
}

/** Scheme and host only: URLs may carry names or text. */
function origin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid url)';
  }
}

export function hardenSession(ses: Session, log: HardenLog): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`permission denied: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log.warn(`request blocked: ${origin(details.url)}`);
    callback({ cancel: !allowed });
  });
  ses.on('will-download', (event) => event.preventDefault());
}

export function hardenContents(contents: WebContents, log: HardenLog): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url)) return;
    log.warn(`navigation blocked: ${origin(event.url)}`);
    event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      log.warn(`subframe navigation blocked: ${origin(event.url)}`);
      event.preventDefault();
    } else guard(event);
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`window.open denied: ${origin(url)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
