import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake of the parts of electron the main process touches, recording what it was given. */
const fake = vi.hoisted(() => {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  const state = {
    windowOptions: null as null | { webPreferences?: Record<string, unknown> },
    headersListener: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
    permissionHandler: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    windowOpenHandler: null as null | (() => { action: string }),
    contentsHandlers: handlers,
    loaded: '' as string,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, fn: (...args: unknown[]) => unknown) => {
        fake.contentsHandlers[event] = fn;
      },
      setWindowOpenHandler: (fn: () => { action: string }) => {
        fake.windowOpenHandler = fn;
      },
    };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      fake.windowOptions = options;
    }
    once() {}
    loadFile(path: string) {
      fake.loaded = path;
      return Promise.resolve();
    }
    loadURL(url: string) {
      fake.loaded = url;
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: typeof fake.headersListener) => (fake.headersListener = fn) },
      setPermissionRequestHandler: (fn: typeof fake.permissionHandler) => (fake.permissionHandler = fn),
      setPermissionCheckHandler: (fn: typeof fake.permissionCheck) => (fake.permissionCheck = fn),
    },
  };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const { createMainWindow } = await import('../../../electron/main/window');

describe('main window security', () => {
  beforeEach(() => {
    for (const key of Object.keys(fake.contentsHandlers)) delete fake.contentsHandlers[key];
    createMainWindow('/app/out/main', undefined);
  });

  it('isolates and sandboxes the renderer with no Node', () => {
    const prefs = fake.windowOptions?.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('loads the packaged page through the app scheme, not a file: URL or a remote page', () => {
    expect(fake.loaded).toBe('app://unionbooks/index.html');
  });

  it('sends a strict Content-Security-Policy with every response', () => {
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    fake.headersListener?.({ responseHeaders: { 'X-Test': ['1'] } }, (r) => (result = r as typeof result));
    const csp = result?.responseHeaders['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(result?.responseHeaders['X-Test']).toEqual(['1']);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      fake.permissionHandler?.({}, permission, (ok) => (granted = ok));
      expect(granted).toBe(false);
    }
    expect(fake.permissionCheck?.()).toBe(false);
  });

  it('blocks navigation away from the app and every window.open', () => {
    const navigate = fake.contentsHandlers['will-navigate'];
    const attempt = (url: string) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      navigate?.(event, url);
      return event.prevented;
    };
    expect(attempt('https://example.com/')).toBe(true);
    expect(attempt('http://127.0.0.1:5173/')).toBe(true);
    expect(attempt('file:///app/out/renderer/index.html#/members')).toBe(true);
    expect(attempt('app://unionbooks/index.html#/members')).toBe(false);
    expect(fake.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const webview = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    fake.contentsHandlers['will-attach-webview']?.(webview);
    expect(webview.prevented).toBe(true);
  });
});
