import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge/contract';
import { BackupFolders } from '../../../electron/main/backup-folders';
import { registerIpc, REFUSED_SENDER } from '../../../electron/main/ipc/register';

/** The main window as the IPC layer sees it, and IPC events from its frame or from elsewhere. */
function setup(folders = BackupFolders.inMemory(), picked: string[] = []) {
  const mainFrame = { processId: 4, routingId: 1, url: 'app://unionbooks/index.html#/settings' };
  const webContents = { mainFrame };
  let destroyed = false;
  const window = { webContents, isDestroyed: () => destroyed };
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [picked.shift() ?? ''] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  };
  registerIpc({ handle: (channel: string, fn: never) => void handlers.set(channel, fn) } as never, {
    dialog: dialog as never,
    folders,
    mainWindow: () => window as never,
    devServerUrl: undefined,
  });
  const fromMain = { sender: webContents, senderFrame: mainFrame };
  const invoke = (channel: string, event: unknown, ...args: unknown[]) =>
    Promise.resolve().then(() => (handlers.get(channel) as (e: unknown, ...a: unknown[]) => unknown)(event, ...args));
  return { invoke, fromMain, mainFrame, webContents, dialog, destroy: () => (destroyed = true) };
}

const validArgs: Record<string, unknown[]> = {
  [BRIDGE_CHANNELS.saveFile]: [{ suggestedName: '台账.xlsx', data: new Uint8Array([1]), filters: [] }],
  [BRIDGE_CHANNELS.openFile]: [{ filters: [{ name: '表格', extensions: ['xlsx'] }] }],
  [BRIDGE_CHANNELS.chooseFolder]: [],
  [BRIDGE_CHANNELS.writeRollingBackup]: [{ folder: '/tmp', data: new Uint8Array([1]) }],
};

describe('IPC sender check', () => {
  const strangers: [string, (s: ReturnType<typeof setup>) => unknown][] = [
    ['a subframe of the main window', (s) => ({ sender: s.webContents, senderFrame: { ...s.mainFrame, routingId: 7 } })],
    ['another window', (s) => ({ sender: { mainFrame: s.mainFrame }, senderFrame: s.mainFrame })],
    ['a frame that is gone', (s) => ({ sender: s.webContents, senderFrame: null })],
    [
      'the main frame showing a local file',
      (s) => ({ sender: s.webContents, senderFrame: { ...s.mainFrame, url: 'file:///home/a/evil.html' } }),
    ],
    ['the main frame showing a web page', (s) => ({ sender: s.webContents, senderFrame: { ...s.mainFrame, url: 'https://example.com/' } })],
    ['a look-alike app host', (s) => ({ sender: s.webContents, senderFrame: { ...s.mainFrame, url: 'app://unionbooks.evil/index.html' } })],
  ];

  for (const channel of Object.values(BRIDGE_CHANNELS)) {
    for (const [who, event] of strangers) {
      it(`${channel} refuses ${who}`, async () => {
        const s = setup();
        await expect(s.invoke(channel, event(s), ...(validArgs[channel] ?? []))).rejects.toThrow(REFUSED_SENDER);
        expect(s.dialog.showOpenDialog).not.toHaveBeenCalled();
        expect(s.dialog.showSaveDialog).not.toHaveBeenCalled();
      });
    }
    it(`${channel} refuses every call once the main window is closed`, async () => {
      const s = setup();
      s.destroy();
      await expect(s.invoke(channel, s.fromMain, ...(validArgs[channel] ?? []))).rejects.toThrow(REFUSED_SENDER);
    });
  }

  it('serves the main window', async () => {
    const s = setup();
    await expect(s.invoke(BRIDGE_CHANNELS.saveFile, s.fromMain, ...(validArgs[BRIDGE_CHANNELS.saveFile] ?? []))).resolves.toBeNull();
    expect(s.dialog.showSaveDialog).toHaveBeenCalledOnce();
  });
});

describe('IPC payloads', () => {
  const bad: [string, unknown[], RegExp][] = [
    [BRIDGE_CHANNELS.saveFile, [null], /请求格式无效/],
    [BRIDGE_CHANNELS.saveFile, [{ suggestedName: '../../.bashrc', data: new Uint8Array(), filters: [] }], /文件名无效/],
    [BRIDGE_CHANNELS.saveFile, [{ suggestedName: 'C:\\Windows\\win.ini', data: new Uint8Array(), filters: [] }], /文件名无效/],
    [BRIDGE_CHANNELS.saveFile, [{ suggestedName: 'a.ubk', data: 'text', filters: [] }], /文件内容无效/],
    [
      BRIDGE_CHANNELS.saveFile,
      [{ suggestedName: 'a.ubk', data: new Uint8Array(), filters: [{ name: 'x', extensions: ['*'] }] }],
      /文件类型无效/,
    ],
    [BRIDGE_CHANNELS.openFile, [{ filters: 'xlsx' }], /文件类型无效/],
    [BRIDGE_CHANNELS.openFile, [], /请求格式无效/],
    [BRIDGE_CHANNELS.chooseFolder, ['/etc'], /此功能不接受参数/],
    [BRIDGE_CHANNELS.writeRollingBackup, [{ folder: 42, data: new Uint8Array() }], /备份文件夹无效/],
    [BRIDGE_CHANNELS.writeRollingBackup, [{ folder: '/tmp', data: [1, 2, 3] }], /文件内容无效/],
  ];
  for (const [channel, args, message] of bad) {
    it(`${channel} refuses ${JSON.stringify(args).slice(0, 80)}`, async () => {
      const s = setup();
      await expect(s.invoke(channel, s.fromMain, ...args)).rejects.toThrow(message);
      expect(s.dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(s.dialog.showSaveDialog).not.toHaveBeenCalled();
    });
  }
});

describe('the backup folder over IPC', () => {
  const backup = (folder: string) => ({ folder, data: new Uint8Array([7]) });

  it('refuses a folder the user did not pick in the dialog, and writes nothing there', async () => {
    const made = await mkdtemp(join(tmpdir(), 'ub-made-up-'));
    const s = setup();
    await expect(s.invoke(BRIDGE_CHANNELS.writeRollingBackup, s.fromMain, backup(made))).rejects.toThrow(
      /未在本机的“选择文件夹”对话框中选定/,
    );
    expect(await readdir(made)).toEqual([]);
  });

  it.each([['\\\\fileserver\\share\\backups'], ['//fileserver/share/backups'], ['\\\\?\\UNC\\fileserver\\share']])(
    'refuses the network share %s',
    async (unc) => {
      const s = setup();
      await expect(s.invoke(BRIDGE_CHANNELS.writeRollingBackup, s.fromMain, backup(unc))).rejects.toThrow(/不能使用网络共享文件夹/);
    },
  );

  it('does not take a network share even when picked in the dialog', async () => {
    const s = setup(BackupFolders.inMemory(), ['\\\\fileserver\\share']);
    const choice = await s.invoke(BRIDGE_CHANNELS.chooseFolder, s.fromMain);
    expect(choice).toEqual({ status: 'refused', reason: expect.stringMatching(/网络共享文件夹/) });
    await expect(s.invoke(BRIDGE_CHANNELS.writeRollingBackup, s.fromMain, backup('\\\\fileserver\\share'))).rejects.toThrow(/网络共享/);
  });

  it('writes into a folder picked in the dialog, also after a restart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ub-picked-'));
    const store = join(await mkdtemp(join(tmpdir(), 'ub-userdata-')), 'backup-folders.json');
    const s = setup(await BackupFolders.load(store), [folder]);
    expect(await s.invoke(BRIDGE_CHANNELS.chooseFolder, s.fromMain)).toEqual({ status: 'chosen', folder });
    const written = (await s.invoke(BRIDGE_CHANNELS.writeRollingBackup, s.fromMain, backup(folder))) as string;
    expect(written.startsWith(folder)).toBe(true);
    expect(await readdir(folder)).toEqual([written.slice(folder.length + 1)]);

    const restarted = setup(await BackupFolders.load(store));
    await expect(restarted.invoke(BRIDGE_CHANNELS.writeRollingBackup, restarted.fromMain, backup(folder))).resolves.toMatch(/\.ubk$/);
  });

  it('a cancelled dialog grants nothing', async () => {
    const s = setup();
    s.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await s.invoke(BRIDGE_CHANNELS.chooseFolder, s.fromMain)).toEqual({ status: 'cancelled' });
  });
});
