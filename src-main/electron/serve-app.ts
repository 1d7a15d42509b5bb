// The app:// scheme in Electron: registered as privileged before `ready`,
// then answering from out/renderer through the path guard in app-protocol.ts,
// with the strict CSP on every response; an HTML page gets a fresh style nonce
// in its markup and its header (security-policy.ts).
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, mimeTypeFor, resolveAppUrl } from './app-protocol.ts';
import { contentSecurityPolicy, newCspNonce, withCspNonce } from './security-policy.ts';

/** Must run before app `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function securityHeaders(nonce: string) {
  return { 'Content-Security-Policy': contentSecurityPolicy(nonce), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...securityHeaders(newCspNonce()), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** After `ready`: serve files under `rootDir`, nothing else. */
export function serveAppScheme(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveAppUrl(rootDir, request.url);
    if (!file) return notFound();
    try {
      const nonce = newCspNonce();
      const type = mimeTypeFor(file);
      const raw = await readFile(file);
      const body = type.startsWith('text/html') ? new TextEncoder().encode(withCspNonce(raw.toString('utf8'), nonce)) : new Uint8Array(raw);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(nonce), 'Content-Type': type },
      });
    } catch {
      return notFound();
    }
  });
}
