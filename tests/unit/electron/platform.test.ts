import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../renderer/src/platform/file-name';
import { plainMessage, withPlainErrors } from '../../../renderer/src/platform/plain-errors';
import type { UnionBooksBridge } from '../../../shared/bridge/contract';

describe('the desktop platform', () => {
  it('shows a main-process refusal as its own message', async () => {
    const failing = async () => {
      throw new Error("Error invoking remote method 'unionbooks:write-rolling-backup': Error: 该文件夹未在本机的“选择文件夹”对话框中选定");
    };
    const bridge = withPlainErrors({
      contractVersion: 2,
      saveFile: failing,
      openFile: failing,
      chooseFolder: failing,
      writeRollingBackup: failing,
      listRollingBackups: failing,
      readRollingBackup: failing,
      onQuitBackup: () => undefined,
    } satisfies UnionBooksBridge);
    await expect(bridge.writeRollingBackup({ folder: 'D:\\备份', data: new Uint8Array() })).rejects.toThrow(/^该文件夹未在本机/);
    expect(plainMessage(new Error('网络错误'))).toBe('网络错误');
  });

  it('suggests file names the main process accepts, whatever the union is called', () => {
    expect(safeFileName('某某公司/工会:委员会-20251231.ubk')).toBe('某某公司_工会_委员会-20251231.ubk');
    expect(safeFileName('..')).toBe('工会账簿');
    const long = safeFileName(`${'工'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});
