import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { APP_START_URL, mimeTypeFor, resolveAppUrl } from '../../../src-main/electron/app-protocol.ts';

const root = resolve('/srv/duiding/out/renderer');

describe('resolveAppUrl', () => {
  it('maps the app root and the start URL to index.html', () => {
    expect(resolveAppUrl(root, 'app://duiding/')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://duiding')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, APP_START_URL)).toBe(join(root, 'index.html'));
  });

  it('maps nested files inside the root and ignores query and hash', () => {
    expect(resolveAppUrl(root, 'app://duiding/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppUrl(root, 'app://duiding/assets/app.css?v=2#x')).toBe(join(root, 'assets', 'app.css'));
    expect(resolveAppUrl(root, 'app://duiding/fonts/a%20b.woff2')).toBe(join(root, 'fonts', 'a b.woff2'));
  });

  it('accepts the host case-insensitively (Chromium lower-cases standard hosts)', () => {
    expect(resolveAppUrl(root, 'app://DUIDING/index.html')).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://duiding/../etc/passwd',
    'app://duiding/assets/../../etc/passwd',
    'app://duiding/./index.html',
    'app://duiding/%2e%2e/etc/passwd',
    'app://duiding/%2E%2E/%2e%2e/etc/passwd',
    'app://duiding/.%2e/etc/passwd',
    'app://duiding/..%2f..%2fetc%2fpasswd',
    'app://duiding/assets%2F..%2F..%2Fsecret',
    'app://duiding/..%5c..%5cwindows',
    'app://duiding/a\\..\\..\\b',
    'app://duiding/index.html%00.png',
    'app://duiding//etc/passwd',
    'app://duiding/C:/Windows/win.ini',
    'app://duiding/assets/',
    'app://duiding/%E0%A4%A',
  ])('rejects traversal and odd paths: %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://duiding.evil/index.html',
    'app://duiding:8080/index.html',
    'app://user:pw@duiding/index.html',
    'file:///etc/passwd',
    'https://duiding/index.html',
    'app:///etc/passwd',
    'app:duiding/index.html',
    'not a url',
    '',
  ])('rejects other schemes, hosts, ports and credentials: %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the query says', () => {
    const file = resolveAppUrl(root, 'app://duiding/index.html?path=../../../../etc/passwd');
    expect(file).toBe(join(root, 'index.html'));
  });

  it('treats double-encoded dots as a literal (harmless) name inside the root', () => {
    const file = resolveAppUrl(root, 'app://duiding/%252e%252e/x');
    expect(file).toBe(join(root, '%2e%2e', 'x'));
  });
});

describe('mimeTypeFor', () => {
  it('gives the right type by extension, case-insensitively', () => {
    expect(mimeTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/a/app.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/a/app.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/a/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/a/logo.png')).toBe('image/png');
    expect(mimeTypeFor('/a/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/a/app.js.map')).toBe('application/json; charset=utf-8');
  });

  it('serves unknown types as opaque bytes, never as something executable', () => {
    expect(mimeTypeFor('/a/file.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('/a/noextension')).toBe('application/octet-stream');
  });
});
