import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  contentSecurityPolicy, CSP_NONCE_PLACEHOLDER, isAllowedNavigation, isAllowedRequest, isAppUrl, isTrustedSender, newCspNonce, withCspNonce,
} from '../../../src-main/electron/security-policy.ts';
import { APP_EVENTS } from '../../../src-shared/contracts/index.ts';
import { BRIDGE_EVENTS, BRIDGE_EVENTS_COMPLETE } from '../../../src-main/electron/ipc-names.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('contentSecurityPolicy', () => {
  const nonce = newCspNonce();
  const CONTENT_SECURITY_POLICY = contentSecurityPolicy(nonce);
  const d = directives(CONTENT_SECURITY_POLICY);

  it('has exactly the agreed directives', () => {
    expect(Object.fromEntries(d)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", `'nonce-${nonce}'`],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('allows no inline or eval script, no inline style without the nonce, and no remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|https?:|\*/);
  });

  it('a fresh 128-bit nonce per load, in the page wherever the placeholder stands', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newCspNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const page = readFileSync('src-renderer/index.html', 'utf8');
    // Both the CSP meta and react-aria's csp-nonce meta carry it.
    expect(page.match(new RegExp(CSP_NONCE_PLACEHOLDER, 'g'))).toHaveLength(2);
    expect(page).toContain(`<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}" />`);
    expect(page).not.toContain('unsafe-inline');
    const served = withCspNonce(page, nonce);
    expect(served).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(served).toContain(`'nonce-${nonce}'`);
    expect(served).toContain(`nonce="${nonce}"`);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only the app start page', () => {
    expect(isAllowedNavigation('app://duiding/')).toBe(true);
    expect(isAllowedNavigation('app://duiding/index.html')).toBe(true);
    expect(isAllowedNavigation('app://duiding/index.html#/source/3')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://duiding/assets/index.js',
    'app://other/index.html',
    'app://user@duiding/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'mailto:a@b.nl',
    'garbage',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it.each([
    'app://duiding/index.html',
    'app://duiding/assets/index.js',
    'devtools://devtools/bundled/inspector.js',
    'data:image/png;base64,AAAA',
    'blob:app://duiding/6a4e2d7c-0000-4000-8000-000000000000',
  ])('lets through local %s', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    'https://example.org/track.gif',
    'http://127.0.0.1:8080/',
    'ws://localhost:5173/',
    'wss://example.org/',
    'ftp://example.org/',
    'file:///home/user/secret.txt',
    'app://evil/index.html',
    'blob:https://example.org/abc',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the main frame of an app:// page', () => {
    expect(isTrustedSender('app://duiding/index.html', true)).toBe(true);
    expect(isTrustedSender('app://duiding/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.org/', true)).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', true)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('isAppUrl is strict about the origin', () => {
    expect(isAppUrl('app://duiding/x')).toBe(true);
    expect(isAppUrl('app://duiding.example/x')).toBe(false);
    expect(isAppUrl('app://a:b@duiding/x')).toBe(false);
  });
});

describe('bridge events', () => {
  it('the preload lists exactly the declared app events', () => {
    expect([...BRIDGE_EVENTS].sort()).toEqual([...APP_EVENTS].sort());
    expect(BRIDGE_EVENTS_COMPLETE).toBe(true);
  });
});
