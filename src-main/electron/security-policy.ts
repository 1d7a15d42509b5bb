// What the window may load, navigate to and who may call into main. Pure (no
// electron import): main.ts wires these into Electron's hooks, the tests pin
// them down, the browser harness serves the same CSP.
import { randomBytes } from 'node:crypto';
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';

/**
 * Stands in index.html for the nonce of one page load: in its CSP meta and in
 * the `csp-nonce` meta that react-aria reads for the one <style> element it
 * adds (usePress: touch-action). The app:// handler puts a fresh random nonce
 * in its place on every load (withCspNonce), and into the CSP header.
 */
export const CSP_NONCE_PLACEHOLDER = 'DUIDING_CSP_NONCE';

/**
 * The app makes no network use at all: no connect-src, no remote anything.
 * Styles come from the app's own CSS files or from a <style> element carrying
 * this load's nonce; no 'unsafe-inline': style attributes in markup and
 * injected <style> are refused. (React and the libraries set styles through
 * the CSSOM — element.style — which CSP does not restrict.)
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 bits from the OS random source, base64 (the CSP nonce grammar). */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

/** A served page with this load's nonce in place of the placeholder. */
export function withCspNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our own origin, exactly: app://duiding, no credentials or port. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && !u.username && !u.password;
}

/**
 * Navigations the window may make by itself (links, location changes,
 * redirects): only back to the app's own start page. Everything else is
 * blocked and not opened anywhere else either.
 */
export function isAllowedNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const path = parse(url)!.pathname;
  return path === '' || path === '/' || path === '/index.html';
}

/**
 * Requests the session lets through: the app's own files, DevTools' internals,
 * and in-memory data:/blob: images (CSP limits those to img-src). Nothing that
 * could reach a network or the file system directly.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'devtools:') return true;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isAppUrl(url.slice('blob:'.length));
  return false;
}

/** IPC is answered only for the main frame of a page served from app://duiding. */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
