// The path guard of the app:// scheme: which file inside the built renderer a
// URL may read. Pure (no electron import) so it is unit-tested and shared with
// the browser harness. Anything doubtful answers null (the shell sends 404).
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'duiding';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** A dot segment in the raw path, plain or percent-encoded, behind / or \. */
const RAW_DOT_SEGMENT = /(^|[/\\])(\.|%2e){1,2}([/\\]|$)/i;
/** Encoded separators or NUL would let one segment become several after decoding. */
const ENCODED_SEPARATOR = /%(2f|5c|00)/i;

function rawPath(url: string): string {
  const afterScheme = url.slice(url.indexOf(':') + 1).replace(/^[/\\]{2}[^/\\?#]*/, '');
  return afterScheme.split(/[?#]/, 1)[0] ?? '';
}

/**
 * Absolute path of the file `url` names inside `rootDir`, or null when the URL
 * is not ours (scheme, host, credentials, port) or could step outside the root.
 * `app://duiding/` (and `app://duiding`) map to index.html; other folders are null.
 */
export function resolveAppUrl(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  const raw = rawPath(url);
  if (RAW_DOT_SEGMENT.test(raw) || ENCODED_SEPARATOR.test(parsed.pathname) || raw.includes('\\')) return null;

  const root = resolve(rootDir);
  if (parsed.pathname === '' || parsed.pathname === '/') return resolve(root, 'index.html');

  const segments: string[] = [];
  for (const encoded of parsed.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return null;
  return file;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Content-Type by file extension; unknown types are opaque bytes. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
