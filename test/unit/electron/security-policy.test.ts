import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isAppUrl, isTrustedSender,
} from '../../../src-main/electron/security-policy.ts';
import { APP_EVENTS } from '../../../src-shared/contracts/index.ts';
import { BRIDGE_EVENTS, BRIDGE_EVENTS_COMPLETE } from '../../../src-main/electron/ipc-names.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('CONTENT_SECURITY_POLICY', () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it('has exactly the agreed directives', () => {
    expect(Object.fromEntries(d)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('allows no inline or eval script and no remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
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
