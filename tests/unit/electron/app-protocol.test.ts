import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler, resolveAppFile } from '../../../electron/main/app-protocol';

/** A renderer folder with a secret file beside it, as a packaged app has other files next to its renderer. */
let root = '';
let outside = '';
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'ub-app-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>工会账簿</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(outside, 'secret');
});

const get = (url: string, method = 'GET') => appProtocolHandler(root)(new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme with fetch, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_ENTRY_URL).toBe('app://unionbooks/index.html');
  });

  it('serves the renderer files with their types and the CSP', async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('工会账簿');
    const script = await get('app://unionbooks/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const x = 1;');
    expect((await get('app://unionbooks/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await (await get('app://unionbooks/')).text()).toContain('工会账簿');
  });

  it.each([
    ['app://unionbooks/../secret.txt'],
    ['app://unionbooks/%2e%2e/secret.txt'],
    ['app://unionbooks/assets/..%2f..%2fsecret.txt'],
    ['app://unionbooks/..%5csecret.txt'],
    ['app://unionbooks/assets%2f..%2f..%2fsecret.txt'],
    ['app://unionbooks/%00index.html'],
    ['app://other/index.html'],
    ['app://unionbooks.evil/index.html'],
    ['file:///etc/passwd'],
    ['app://unionbooks/missing.js'],
    ['app://unionbooks/assets'],
  ])('answers 404 for %s and reads nothing outside the renderer folder', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });

  it('resolves only paths inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://unionbooks/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://unionbooks/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://unionbooks/assets/..%2F..%2Fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://unionbooks/%E0%A4%A')).toBeNull();
  });

  it('answers only reads', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
