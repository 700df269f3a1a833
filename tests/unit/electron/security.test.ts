import { describe, expect, it } from 'vitest';
import { isTrustedUrl } from '../../../electron/main/security';

describe('isTrustedUrl', () => {
  const dev = 'http://localhost:5173';
  it('trusts the app scheme and the dev server only', () => {
    expect(isTrustedUrl('app://unionbooks/index.html#/dues', undefined)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/#/dues', dev)).toBe(true);
  });
  it('trusts no file: URL, not even the packaged renderer', () => {
    expect(isTrustedUrl('file:///opt/unionbooks/resources/app/out/renderer/index.html', undefined)).toBe(false);
    expect(isTrustedUrl('file:///C:/Users/a/Downloads/evil.html', undefined)).toBe(false);
    expect(isTrustedUrl('file://fileserver/share/evil.html', dev)).toBe(false);
  });
  it('refuses other hosts and credentials on the app scheme', () => {
    expect(isTrustedUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isTrustedUrl('app://unionbooks.evil.com/index.html', undefined)).toBe(false);
    expect(isTrustedUrl('app://user@unionbooks/index.html', undefined)).toBe(false);
    expect(isTrustedUrl('apps://unionbooks/index.html', undefined)).toBe(false);
  });
  it('refuses look-alike hosts that a substring check would let through', () => {
    expect(isTrustedUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isTrustedUrl('http://evil.com/?http://localhost:5173', dev)).toBe(false);
    expect(isTrustedUrl('http://user@evil.com:5173/', dev)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', undefined)).toBe(false);
  });
  it('refuses what is not a URL and other schemes', () => {
    expect(isTrustedUrl('not a url', dev)).toBe(false);
    expect(isTrustedUrl('javascript:alert(1)', dev)).toBe(false);
    expect(isTrustedUrl('data:text/html,<h1>x</h1>', dev)).toBe(false);
  });
});
