import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge/contract';
import { BackupFolders } from '../../../electron/main/backup-folders';
import { openFile, saveFile } from '../../../electron/main/ipc/files';
import { registerIpc } from '../../../electron/main/ipc/register';
import { createBridge } from '../../../electron/preload/bridge';

const exposed = vi.hoisted(() => ({ calls: [] as [string, unknown][] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
  ipcRenderer: { invoke: vi.fn() },
}));

describe('IPC registration', () => {
  it('registers exactly one handler per bridge function', () => {
    const channels: string[] = [];
    registerIpc({ handle: (channel: string) => void channels.push(channel) } as never, {
      dialog: {} as never,
      folders: BackupFolders.inMemory(),
      mainWindow: () => null,
      devServerUrl: undefined,
    });
    expect(channels.sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });
});

describe('preload', () => {
  it('exposes one bridge object with only the named functions', async () => {
    await import('../../../electron/preload/index');
    expect(exposed.calls).toHaveLength(1);
    const [key, api] = exposed.calls[0] ?? [];
    expect(key).toBe('unionBooks');
    expect(Object.keys(api as object).sort()).toEqual([
      'chooseFolder',
      'contractVersion',
      'listRollingBackups',
      'onQuitBackup',
      'openFile',
      'readRollingBackup',
      'saveFile',
      'writeRollingBackup',
    ]);
  });

  it('sends each call on its own fixed channel', async () => {
    const invoke = vi.fn().mockResolvedValue(null);
    const bridge = createBridge({ invoke, on: vi.fn() });
    await bridge.chooseFolder();
    await bridge.saveFile({ suggestedName: 'a.ubk', data: new Uint8Array([1]), filters: [] });
    expect(invoke.mock.calls.map((c) => c[0])).toEqual([BRIDGE_CHANNELS.chooseFolder, BRIDGE_CHANNELS.saveFile]);
  });
});

describe('file functions', () => {
  it('saves to the chosen path and reports a cancel as null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-save-'));
    const target = join(dir, '台账.xlsx');
    const saved = await saveFile(
      { showSaveDialog: async () => ({ canceled: false, filePath: target }) },
      {
        suggestedName: '台账.xlsx',
        data: new Uint8Array([1, 2, 3]),
        filters: [],
      },
    );
    expect(saved).toBe(target);
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    const cancelled = await saveFile(
      { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
      {
        suggestedName: 'x',
        data: new Uint8Array(),
        filters: [],
      },
    );
    expect(cancelled).toBeNull();
  });

  it('opens the chosen file with its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ub-open-'));
    const path = join(dir, '名册.xlsx');
    await writeFile(path, new Uint8Array([9, 8]));
    const opened = await openFile({ showOpenDialog: async () => ({ canceled: false, filePaths: [path] }) }, { filters: [] });
    expect(opened?.name).toBe('名册.xlsx');
    expect([...(opened?.data ?? [])]).toEqual([9, 8]);
  });
});
