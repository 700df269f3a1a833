import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge/contract';

/** A fake of the electron module that records the order in which the main process sets things up. */
const fake = vi.hoisted(() => {
  const steps: string[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return { steps, ready: () => ready(), readyPromise, handlers: new Map<string, unknown>(), loaded: [] as string[] };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined, mainFrame: {} };
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      fake.loaded.push(url);
      return Promise.resolve();
    }
  }
  const app = {
    requestSingleInstanceLock: () => true,
    on: () => undefined,
    quit: () => undefined,
    getPath: () => '/nonexistent/user-data',
    whenReady: () => {
      fake.steps.push('whenReady');
      return fake.readyPromise;
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => fake.steps.push(`privileged ${schemes.map((s) => s.scheme).join()}`),
    handle: (scheme: string) => fake.steps.push(`handle ${scheme}`),
  };
  const ipcMain = { handle: (channel: string, fn: unknown) => fake.handlers.set(channel, fn) };
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  };
  const mod = { app, BrowserWindow, protocol, ipcMain, session, dialog: {} };
  return { ...mod, default: mod };
});

describe('main process start-up', () => {
  it('declares app:// privileged before ready, then serves it, guards the bridge and loads the app from it', async () => {
    await import('../../../electron/main/index');
    expect(fake.steps).toEqual(['privileged app', 'whenReady']);
    fake.ready();
    await vi.waitFor(() => expect(fake.loaded).toEqual(['app://unionbooks/index.html']));
    expect(fake.steps).toEqual(['privileged app', 'whenReady', 'handle app']);
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    const saveFile = fake.handlers.get(BRIDGE_CHANNELS.saveFile) as (event: unknown, request: unknown) => unknown;
    expect(() => saveFile({ sender: {}, senderFrame: null }, {})).toThrow(/不是来自本软件的主窗口/);
  });
});
